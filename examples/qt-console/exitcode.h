// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTCONSOLE_EXITCODE_H
#define QTVIRT_EXAMPLES_QTCONSOLE_EXITCODE_H

// qt-console's exit status, one value per way of ending, so that a script
// can tell a detach from a guest that went away. Documented in --help.
enum class ExitCode : int {
    Detached = 0,           // the escape character, or the end of piped input
    Failure = 1,            // a local error: the terminal, stdin or stdout failed
    Usage = 2,              // bad options or arguments
    ConnectFailed = 3,      // the URI is invalid or the hypervisor is unreachable
    NoSuchDomain = 4,       // no domain has this name, UUID or id
    ConsoleBusy = 5,        // another client holds the console (see --force)
    ConsoleUnavailable = 6, // the domain is not running or has no such console
    HungUp = 7,             // the domain shut down or the console hung up
    ConnectionLost = 8,     // the connection to libvirt broke while attached
    // A termination signal ends the program with 128 + its number, as a
    // shell reports a process killed by it: 129 SIGHUP, 130 SIGINT, 143 SIGTERM.
    SignalBase = 128,
};

#endif // QTVIRT_EXAMPLES_QTCONSOLE_EXITCODE_H
