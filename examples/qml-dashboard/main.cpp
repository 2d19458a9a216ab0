// SPDX-License-Identifier: LGPL-2.1-or-later
//
// qml-dashboard: the domains of one or more libvirt hosts in a Qt Quick
// window, kept current by events (QtVirt's DomainModel), with buttons for
// start, shutdown, reboot, destroy, pause and resume.
//
//   qml-dashboard [uri...]

#include "dashboardoptions.h"
#include "translations.h"

#include <QtVirt/QtVirtEventImpl>

#include <QtGui/QGuiApplication>
#include <QtQml/QQmlApplicationEngine>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("qml-dashboard"));
    QGuiApplication::setApplicationVersion(QStringLiteral(QTVIRT_VERSION_STRING));
    ExampleTranslations::install(&app, QStringLiteral("qmldashboard"));
    const QStringList uris = dashboardUris(app);

    // Before the first connection opens: libvirt's callbacks arrive here.
    if (!QtVirtEventImpl::registerImpl())
        return 1;

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral(QTVIRT_QML_BUILD_IMPORT_PATH));
    engine.setInitialProperties({{QStringLiteral("uris"), uris}});
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreated, &app,
        [](const QObject *root, const QUrl &) {
            if (!root)
                QCoreApplication::exit(1);
        },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Dashboard/Main.qml")));
    return QGuiApplication::exec();
}
