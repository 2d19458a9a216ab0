// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_QTVIRTQMLPLUGIN_H
#define QTVIRT_QML_QTVIRTQMLPLUGIN_H

#include <QtQml/QQmlEngineExtensionPlugin>

// The module's plugin, written out instead of generated so that importing
// QtVirt also gives libvirt an event loop: a QML program run by the `qml`
// tool, or any program that never calls QtVirtEventImpl::registerImpl(),
// would otherwise list its domains once and never see them change.
class QtVirtQmlPlugin : public QQmlEngineExtensionPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QQmlEngineExtensionInterface_iid)

public:
    explicit QtVirtQmlPlugin(QObject *parent = nullptr);

    // Runs in the engine's thread, once per engine that imports QtVirt.
    void initializeEngine(QQmlEngine *engine, const char *uri) override;
};

#endif // QTVIRT_QML_QTVIRTQMLPLUGIN_H
