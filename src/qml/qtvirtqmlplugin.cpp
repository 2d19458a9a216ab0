// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qtvirtqmlplugin.h"

#include "eventloopforengine.h"
#ifdef QTVIRT_QML_HAS_QUICK
#include "screenshotimageprovider.h"
#endif

#include <QtQml/QQmlEngine>

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
#ifdef QTVIRT_QML_HAS_QUICK
    // An application may have put a provider of its own under that name.
    if (!engine->imageProvider(QLatin1String(ScreenshotImageProvider::ProviderId)))
        engine->addImageProvider(QLatin1String(ScreenshotImageProvider::ProviderId),
                                 new ScreenshotImageProvider(engine));
#endif
}
