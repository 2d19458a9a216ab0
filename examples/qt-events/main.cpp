// SPDX-License-Identifier: LGPL-2.1-or-later
//
// qt-events: prints libvirt's events as
// `virsh event --all --loop --timestamp` (and net-event, pool-event,
// nodedev-event and secret-event) do, on QVirtConnection's signals.

#include "credentialprompt.h"
#include "eventprinter.h"
#include "terminaltext.h"
#include "terminationsignals.h"
#include "translations.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>
#include <QtCore/QTimer>

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
    QString uri;    // empty: libvirt's default
    QString domain; // empty: every domain
    QStringList events;
    bool loop = false;
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
    parser.setApplicationDescription(
        QtEvents::tr("Prints libvirt's events in the format of "
                     "'virsh event --all --loop --timestamp'. Without --all or --event, it "
                     "prints domain lifecycle events."));
    parser.addHelpOption();
    const QCommandLineOption connectOption(
        {QStringLiteral("c"), QStringLiteral("connect")},
        QtEvents::tr("Connect to the hypervisor URI instead of libvirt's default."),
        QtEvents::tr("URI"));
    const QCommandLineOption allOption(
        QStringLiteral("all"),
        QtEvents::tr("Print every event: domain, network, storage pool, node device, secret."));
    const QCommandLineOption eventOption(
        QStringLiteral("event"),
        QtEvents::tr("Print the event NAME (repeatable): %1.")
            .arg(EventPrinter::eventNames().join(QStringLiteral(", "))),
        QtEvents::tr("NAME"));
    const QCommandLineOption loopOption(
        QStringLiteral("loop"), QtEvents::tr("Keep printing until interrupted, not one event."));
    const QCommandLineOption timestampOption(QStringLiteral("timestamp"),
                                             QtEvents::tr("Print a timestamp before each event."));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         QtEvents::tr("Exit after N events."), QtEvents::tr("N"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QtEvents::tr("Exit after SECONDS seconds."),
                                           QtEvents::tr("SECONDS"));
    const QCommandLineOption domainOption(
        QStringLiteral("domain"),
        QtEvents::tr("Print only the events of the domain NAME (a name or a UUID), which the "
                     "daemon filters, and no event of other objects."),
        QtEvents::tr("NAME"));
    parser.addOptions({connectOption, domainOption, allOption, eventOption, loopOption,
                       timestampOption, countOption, timeoutOption});
    parser.process(app);

    if (!parser.positionalArguments().isEmpty()) {
        *error = QtEvents::tr("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return false;
    }
    if (parser.isSet(allOption) && parser.isSet(eventOption)) {
        *error = QtEvents::tr("--all and --event exclude each other");
        return false;
    }
    options->uri = parser.value(connectOption);
    options->domain = parser.value(domainOption);
    if (parser.isSet(domainOption) && options->domain.isEmpty()) {
        *error = QtEvents::tr("--domain needs a domain name or UUID");
        return false;
    }
    // virsh's event command knows domains only: so does --all for one domain.
    const QStringList everything
        = options->domain.isEmpty() ? EventPrinter::eventNames() : EventPrinter::domainEventNames();
    options->events = parser.isSet(allOption) ? everything
        : parser.isSet(eventOption)           ? parser.values(eventOption)
                                              : QStringList{QStringLiteral("lifecycle")};
    options->loop = parser.isSet(loopOption);
    options->timestamps = parser.isSet(timestampOption);
    if (parser.isSet(countOption)) {
        options->count
            = positiveValue(parser.value(countOption), countOption.names().first(), INT_MAX, error);
        if (options->count == 0)
            return false;
    } else if (!options->loop) {
        options->count = 1; // like virsh without --loop
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

QString closeReasonText(QVirtConnection::CloseReason reason)
{
    switch (reason) {
    case QVirtConnection::CloseReason::Error:
        return QtEvents::tr("I/O error");
    case QVirtConnection::CloseReason::Eof:
        return QtEvents::tr("the daemon closed the connection");
    case QVirtConnection::CloseReason::Keepalive:
        return QtEvents::tr("the daemon stopped answering keepalive messages");
    case QVirtConnection::CloseReason::Client:
        return QtEvents::tr("closed by the client");
    }
    return QtEvents::tr("unknown reason %1").arg(static_cast<int>(reason));
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
    ExampleTranslations::install(&app, QStringLiteral("qtevents"));
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
        err << QtEvents::tr("%1: cannot watch SIGINT, SIGTERM and SIGHUP: %2")
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
                                                  : TerminalText::escaped(options.uri);
    int exitCode = 1;
    {
        QVirtConnection conn;
        EventPrinter printer(&conn, out, options.timestamps, options.count);
        if (!options.domain.isEmpty()) {
            // As virsh, a UUID or a name; the domain is looked up at the
            // registration, once connected.
            const QUuid uuid = QUuid::fromString(options.domain);
            QVirtDomainEvents *events = conn.domainEvents(
                uuid.isNull() ? QVirtDomainRef(options.domain, QUuid()) : QVirtDomainRef({}, uuid));
            QObject::connect(events, &QVirtDomainEvents::errorOccurred, &app, [&, events] {
                err << QtEvents::tr("%1: no events of domain %2: %3")
                           .arg(name, TerminalText::escaped(options.domain),
                                TerminalText::escaped(events->errorString()))
                    << Qt::endl;
                QCoreApplication::exit(1);
            });
            printer.setDomainEvents(events);
        }
        // Without an answer, an authenticating URI would wait for the
        // credentials timeout (minutes) and fail.
        CredentialPrompt credentials(&conn, err);
        for (const QString &event : std::as_const(options.events)) {
            if (!printer.listen(event)) {
                err << QtEvents::tr("%1: unknown event '%2'")
                           .arg(name, TerminalText::escaped(event))
                    << Qt::endl;
                return 1;
            }
        }
        QObject::connect(&printer, &EventPrinter::limitReached, &app,
                         [] { QCoreApplication::exit(0); });
        QObject::connect(&conn, &QVirtConnection::errorOccurred, &app, [&] {
            // libvirt's message may quote what the daemon sent.
            err << QtEvents::tr("%1: cannot connect to %2: %3")
                       .arg(name, uriText, TerminalText::escaped(conn.errorString()))
                << Qt::endl;
            QCoreApplication::exit(1);
        });
        QObject::connect(&conn, &QVirtConnection::closed, &app,
                         [&](QVirtConnection::CloseReason reason) {
                             if (reason == QVirtConnection::CloseReason::Client)
                                 return;
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
        // Connecting runs in a worker: SIGINT and SIGTERM are served meanwhile.
        conn.open(options.uri);
        exitCode = QCoreApplication::exec();
        conn.close();
    }
    // libvirt releases the connection's socket from the loop, after the close.
    // The default deadline (half a second) bounds the wait: a frozen daemon,
    // which never answers the close, cannot keep the program from exiting.
    QtVirtEventImpl::waitForPendingFrees();
    return exitCode;
}
