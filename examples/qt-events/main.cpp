// SPDX-License-Identifier: LGPL-2.1-or-later
//
// qt-events: prints domain lifecycle events exactly as
// `virsh event --event lifecycle --loop [--timestamp]` does, with libvirt's
// event loop running on Qt's.

#include "lifecyclelistener.h"
#include "terminationsignals.h"

#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>
#include <QtCore/QTimer>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <chrono>
#include <climits>

namespace {

class QtEvents
{
    Q_DECLARE_TR_FUNCTIONS(QtEvents)

public:
    QtEvents() = delete;
};

struct Options
{
    QByteArray uri; // empty: libvirt's default
    bool timestamps = false;
    int count = 0;          // 0: until interrupted
    int timeoutSeconds = 0; // 0: none
};

// A positive whole number no larger than max, or 0 with *error set.
int positiveValue(const QString &text, const QString &optionName, int max, QString *error)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value <= 0 || value > max) {
        *error = QtEvents::tr("--%1 needs a whole number from 1 to %2, not '%3'")
                     .arg(optionName)
                     .arg(max)
                     .arg(text);
        return 0;
    }
    return value;
}

bool parseOptions(const QCoreApplication &app, Options *options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QtEvents::tr("Prints domain lifecycle events in the format of "
                                                  "'virsh event --event lifecycle --loop'."));
    parser.addHelpOption();
    const QCommandLineOption connectOption(
        {QStringLiteral("c"), QStringLiteral("connect")},
        QtEvents::tr("Connect to the hypervisor URI instead of libvirt's default."),
        QtEvents::tr("URI"));
    const QCommandLineOption timestampOption(QStringLiteral("timestamp"),
                                             QtEvents::tr("Print a timestamp before each event."));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         QtEvents::tr("Exit after N events."), QtEvents::tr("N"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QtEvents::tr("Exit after SECONDS seconds."),
                                           QtEvents::tr("SECONDS"));
    parser.addOptions({connectOption, timestampOption, countOption, timeoutOption});
    parser.process(app);

    if (!parser.positionalArguments().isEmpty()) {
        *error = QtEvents::tr("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return false;
    }
    options->uri = parser.value(connectOption).toUtf8();
    options->timestamps = parser.isSet(timestampOption);
    if (parser.isSet(countOption)) {
        options->count
            = positiveValue(parser.value(countOption), countOption.names().first(), INT_MAX, error);
        if (options->count == 0)
            return false;
    }
    if (parser.isSet(timeoutOption)) {
        // QTimer takes milliseconds in an int.
        options->timeoutSeconds = positiveValue(
            parser.value(timeoutOption), timeoutOption.names().first(), INT_MAX / 1000, error);
        if (options->timeoutSeconds == 0)
            return false;
    }
    return true;
}

QString closeReasonText(int reason)
{
    switch (reason) {
    case VIR_CONNECT_CLOSE_REASON_ERROR:
        return QtEvents::tr("I/O error");
    case VIR_CONNECT_CLOSE_REASON_EOF:
        return QtEvents::tr("the daemon closed the connection");
    case VIR_CONNECT_CLOSE_REASON_KEEPALIVE:
        return QtEvents::tr("the daemon stopped answering keepalive messages");
    case VIR_CONNECT_CLOSE_REASON_CLIENT:
        return QtEvents::tr("closed by the client");
    default:
        return QtEvents::tr("unknown reason %1").arg(reason);
    }
}

// We print libvirt's message ourselves, once and in context; by default
// libvirt would also print every error to stderr on its own.
void ignoreLibvirtError(void *, virErrorPtr) { }

} // namespace

int main(int argc, char **argv)
{
    if (!TerminationSignals::setBlocked(true))
        return 1;

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qt-events"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString name = QCoreApplication::applicationName();

    Options options;
    QString error;
    if (!parseOptions(app, &options, &error)) {
        err << QtEvents::tr("%1: %2").arg(name, error) << Qt::endl;
        return 1;
    }

    TerminationSignals termination;
    if (!termination.isValid()) {
        err << QtEvents::tr("%1: cannot watch SIGINT and SIGTERM: %2")
                   .arg(name, termination.errorString())
            << Qt::endl;
        return 1;
    }

    if (!QtVirtEventImpl::registerImpl()) {
        err << QtEvents::tr("%1: cannot run libvirt's event loop on Qt's").arg(name) << Qt::endl;
        return 1;
    }
    virSetErrorFunc(nullptr, ignoreLibvirtError);

    const QString uriText = options.uri.isEmpty() ? QtEvents::tr("libvirt's default URI")
                                                  : QString::fromUtf8(options.uri);
    // Connecting blocks, possibly for long, and nothing needs cleaning up
    // yet: let SIGINT and SIGTERM end it the default way.
    TerminationSignals::setBlocked(false);
    virConnectPtr conn = virConnectOpenAuth(
        options.uri.isEmpty() ? nullptr : options.uri.constData(), virConnectAuthPtrDefault, 0);
    TerminationSignals::setBlocked(true);
    if (!conn) {
        err << QtEvents::tr("%1: cannot connect to %2: %3")
                   .arg(name, uriText, QString::fromUtf8(virGetLastErrorMessage()))
            << Qt::endl;
        return 1;
    }

    int exitCode = 1;
    {
        LifecycleListener listener(conn, out, options.timestamps, options.count);
        if (listener.start()) {
            QObject::connect(&listener, &LifecycleListener::limitReached, &app,
                             [] { QCoreApplication::exit(0); });
            QObject::connect(&listener, &LifecycleListener::connectionClosed, &app,
                             [&](int reason) {
                                 err << QtEvents::tr("%1: lost the connection to %2: %3")
                                            .arg(name, uriText, closeReasonText(reason))
                                     << Qt::endl;
                                 QCoreApplication::exit(1);
                             });
            QObject::connect(&termination, &TerminationSignals::received, &app,
                             [] { QCoreApplication::exit(0); });
            if (options.timeoutSeconds > 0) {
                QTimer::singleShot(std::chrono::seconds(options.timeoutSeconds), &app,
                                   [] { QCoreApplication::exit(0); });
            }
            exitCode = QCoreApplication::exec();
        } else {
            err << QtEvents::tr("%1: cannot listen for lifecycle events on %2: %3")
                       .arg(name, uriText, listener.errorString())
                << Qt::endl;
        }
    }
    virConnectClose(conn);
    // libvirt releases the connection's socket from the loop, after the close.
    QtVirtEventImpl::waitForPendingFrees();
    return exitCode;
}
