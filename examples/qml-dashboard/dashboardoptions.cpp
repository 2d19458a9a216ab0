// SPDX-License-Identifier: LGPL-2.1-or-later
#include "dashboardoptions.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>

namespace {

class QmlDashboard
{
    Q_DECLARE_TR_FUNCTIONS(QmlDashboard)

public:
    QmlDashboard() = delete;
};

} // namespace

QStringList dashboardUris(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QmlDashboard::tr("Shows the domains of libvirt hosts live, with their state and actions."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("uri"),
                                 QmlDashboard::tr("A libvirt URI to watch; several may be given."),
                                 QStringLiteral("[uri...]"));
    parser.process(app);

    QStringList uris = parser.positionalArguments();
    if (!uris.isEmpty())
        return uris;
    for (const char *name : {"QTVIRT_TEST_URI", "QTVIRT_QEMU_URI"}) {
        const QString uri = qEnvironmentVariable(name);
        if (!uri.isEmpty())
            uris.append(uri);
    }
    if (uris.isEmpty())
        uris.append(QStringLiteral("test:///default"));
    return uris;
}
