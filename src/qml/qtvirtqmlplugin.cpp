// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloopforengine.h"

#include <QtQml/QQmlEngineExtensionPlugin>

extern void qml_register_types_QtVirt();
Q_GHS_KEEP_REFERENCE(qml_register_types_QtVirt)

// The module's plugin, written out instead of generated so that importing
// QtVirt also gives libvirt an event loop: a QML program run by the `qml`
// tool, or any program that never calls QtVirtEventImpl::registerImpl(),
// would otherwise list its domains once and never see them change.
class QtVirtQmlPlugin : public QQmlEngineExtensionPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QQmlEngineExtensionInterface_iid)

public:
    explicit QtVirtQmlPlugin(QObject *parent = nullptr)
        : QQmlEngineExtensionPlugin(parent)
    {
        // Keeps the backing library's type registration linked in.
        volatile auto registration = &qml_register_types_QtVirt;
        Q_UNUSED(registration)
    }

    // Runs in the engine's thread, once per engine that imports QtVirt.
    void initializeEngine(QQmlEngine *engine, const char *uri) override
    {
        Q_UNUSED(uri)
        ensureEventLoopForEngine(engine);
    }
};

#include "qtvirtqmlplugin.moc"
