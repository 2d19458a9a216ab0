// SPDX-License-Identifier: LGPL-2.1-or-later
//
// qt-manager: a Qt Widgets manager of virtual machines on QtVirt.
//   qt-manager [--no-restore] [URI...]
// opens the given URIs in addition to the remembered connections.

#include "connectionlistmodel.h"
#include "managerwindow.h"
#include "translations.h"

#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCommandLineParser>
#include <QtCore/QSettings>
#include <QtWidgets/QApplication>

#include <libvirt/virterror.h>

namespace {

class QtManager
{
    Q_DECLARE_TR_FUNCTIONS(QtManager)

public:
    QtManager() = delete;
};

// libvirt prints every error on stderr by default; the window shows them.
void ignoreLibvirtError(void *, virErrorPtr) { }

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("QtVirt"));
    QApplication::setApplicationName(QStringLiteral("qt-manager"));
    ExampleTranslations::install(&app, QStringLiteral("qtmanager"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QtManager::tr("Manages the virtual machines of libvirt connections."));
    parser.addHelpOption();
    const QCommandLineOption noRestore(
        QStringLiteral("no-restore"),
        QtManager::tr("Do not open the connections remembered from earlier sessions."));
    parser.addOption(noRestore);
    parser.addPositionalArgument(
        QStringLiteral("uri"),
        QtManager::tr("Connections to open, for example qemu:///system (not remembered)."),
        QtManager::tr("[URI...]"));
    parser.process(app);

    QtVirtEventImpl::registerImpl();
    virSetErrorFunc(nullptr, ignoreLibvirtError);

    QSettings settings;
    int rc = 0;
    {
        ManagerWindow window(&settings);
        if (!parser.isSet(noRestore))
            window.connections()->restore();
        const QStringList uris = parser.positionalArguments();
        for (const QString &uri : uris)
            window.connections()->addConnection(uri, false);
        window.show();
        rc = QApplication::exec();
    }
    QtVirtEventImpl::waitForPendingFrees();
    return rc;
}
