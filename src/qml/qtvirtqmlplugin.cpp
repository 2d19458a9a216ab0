// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qtvirtqmlplugin.h"

#include "eventloopforengine.h"

extern void qml_register_types_QtVirt();
Q_GHS_KEEP_REFERENCE(qml_register_types_QtVirt)

QtVirtQmlPlugin::QtVirtQmlPlugin(QObject *parent)
    : QQmlEngineExtensionPlugin(parent)
{
    // Keeps the backing library's type registration linked in.
    volatile auto registration = &qml_register_types_QtVirt;
    Q_UNUSED(registration)
}

void QtVirtQmlPlugin::initializeEngine(QQmlEngine *engine, const char *uri)
{
    Q_UNUSED(uri)
    ensureEventLoopForEngine(engine);
}
