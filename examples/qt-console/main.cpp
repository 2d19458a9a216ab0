// SPDX-License-Identifier: LGPL-2.1-or-later
//
// qt-console: `virsh console` on QVirtStream. The keyboard, the console
// stream and the screen all run on the Qt event loop: no blocking read, no
// extra thread. See --help for the options and the exit status.

#include "consoleattachment.h"
#include "consoleoptions.h"
#include "consolesession.h"
#include "exitcode.h"
#include "fdinput.h"
#include "fdoutput.h"
#include "nonblockingfd.h"
#include "rawterminal.h"
#include "terminationsignals.h"
#include "translations.h"

#include <QtVirt/QVirtStream>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

#include <libvirt/virterror.h>

#include <csignal>
#include <optional>
#include <unistd.h>

namespace {

class QtConsole
{
    Q_DECLARE_TR_FUNCTIONS(QtConsole)

public:
    QtConsole() = delete;
};

void printMessage(const QString &message)
{
    QTextStream(stderr) << QtConsole::tr("%1: %2").arg(QCoreApplication::applicationName(), message)
                        << '\n';
}

int exitWith(ExitCode code, const QString &message = QString())
{
    if (!message.isEmpty())
        printMessage(message);
    return static_cast<int>(code);
}

// qt-console prints libvirt's messages itself, once and in context; by
// default libvirt would also print each one to stderr, in raw mode too.
void ignoreLibvirtError(void *, virErrorPtr) { }

struct Outcome
{
    ExitCode code = ExitCode::Detached;
    QString message;
    bool newline = false; // the prompt would otherwise follow the guest's
};

Outcome runSession(ConsoleAttachment &attachment, const ConsoleOptions &options,
                   TerminationSignals &termination)
{
    const bool interactive = ::isatty(STDIN_FILENO) == 1;
    if (interactive) {
        QTextStream(stderr)
            << QtConsole::tr("Connected to domain '%1'.").arg(attachment.domainName()) << '\n'
            << QtConsole::tr("Escape character is %1.").arg(EscapeFilter::display(options.escape))
            << '\n';
    }

    // Restored in reverse order, which also holds when stdin and stdout
    // share one open file description.
    std::optional<RawTerminal> raw;
    if (interactive) {
        raw.emplace(STDIN_FILENO);
        if (!raw->isValid())
            return {
                ExitCode::Failure,
                QtConsole::tr("Cannot put the terminal into raw mode: %1").arg(raw->errorString())};
    }
    const NonBlockingFd nonBlockingIn(STDIN_FILENO);
    const NonBlockingFd nonBlockingOut(STDOUT_FILENO);
    if (!nonBlockingIn.isValid() || !nonBlockingOut.isValid()) {
        return {ExitCode::Failure,
                QtConsole::tr("Cannot make standard input and output non-blocking: %1")
                    .arg(nonBlockingIn.isValid() ? nonBlockingOut.errorString()
                                                 : nonBlockingIn.errorString())};
    }

    FdInput input(STDIN_FILENO);
    FdOutput output(STDOUT_FILENO);
    std::optional<EscapeFilter> escape;
    if (interactive)
        escape.emplace(options.escape);
    ConsoleSession session(attachment.stream(), &input, &output, escape);

    Outcome outcome;
    QObject::connect(&session, &ConsoleSession::ended, &session, [&](ConsoleSession::End end) {
        switch (end) {
        case ConsoleSession::End::Escaped:
            outcome.newline = true;
            break;
        case ConsoleSession::End::InputEnded:
            break;
        case ConsoleSession::End::StreamEnded:
        case ConsoleSession::End::StreamFailed:
            outcome.code = attachment.explainEnd(session.errorString(), &outcome.message);
            outcome.newline = interactive;
            break;
        case ConsoleSession::End::InputFailed:
            outcome.code = ExitCode::Failure;
            outcome.message
                = QtConsole::tr("Cannot read standard input: %1").arg(session.errorString());
            break;
        case ConsoleSession::End::OutputFailed:
            outcome.code = ExitCode::Failure;
            outcome.message
                = QtConsole::tr("Cannot write standard output: %1").arg(session.errorString());
            break;
        }
        QCoreApplication::exit();
    });
    QObject::connect(&termination, &TerminationSignals::received, &session, [&](int signalNumber) {
        outcome.code = static_cast<ExitCode>(static_cast<int>(ExitCode::SignalBase) + signalNumber);
        outcome.newline = interactive;
        QCoreApplication::exit();
    });
    QCoreApplication::exec();
    return outcome;
}

} // namespace

int main(int argc, char **argv)
{
    if (!TerminationSignals::setBlocked(true))
        return static_cast<int>(ExitCode::Failure);
    // A closed stdout must end in a message and a restored terminal, not in
    // death by SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qt-console"));
    ExampleTranslations::install(&app, QStringLiteral("qtconsole"));

    ConsoleOptions options;
    QString text;
    switch (options.parse(QCoreApplication::arguments(), &text)) {
    case ConsoleOptions::Parsed::Help:
        QTextStream(stdout) << text;
        return static_cast<int>(ExitCode::Detached);
    case ConsoleOptions::Parsed::Error:
        return exitWith(ExitCode::Usage, text);
    case ConsoleOptions::Parsed::Run:
        break;
    }

    TerminationSignals termination;
    if (!termination.isValid())
        return exitWith(ExitCode::Failure,
                        QtConsole::tr("Cannot watch SIGINT, SIGTERM and SIGHUP: %1")
                            .arg(termination.errorString()));
    if (!QtVirtEventImpl::registerImpl())
        return exitWith(ExitCode::Failure,
                        QtConsole::tr("Cannot run libvirt's event loop on Qt's."));
    virSetErrorFunc(nullptr, ignoreLibvirtError);

    Outcome outcome;
    {
        ConsoleAttachment attachment;
        if (attachment.attach(options, &outcome.code, &outcome.message))
            outcome = runSession(attachment, options, termination);
    }
    // libvirt releases the connection's socket from the loop, after the close.
    // The default deadline (half a second) bounds the wait: a frozen daemon,
    // which never answers the close, cannot keep the program from exiting.
    QtVirtEventImpl::waitForPendingFrees();
    if (outcome.newline)
        QTextStream(stderr) << '\n';
    return exitWith(outcome.code, outcome.message);
}
