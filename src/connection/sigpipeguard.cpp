// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/sigpipeguard.h"

#include "common/logging.h"

#include <csignal>

void ignoreDefaultSigpipe()
{
    // Between the read and the write another thread may change the action;
    // that race is the application's own: Qt's sockets and QProcess set
    // SIG_IGN without even reading it.
    struct sigaction current = {};
    if (sigaction(SIGPIPE, nullptr, &current) != 0 || current.sa_handler != SIG_DFL)
        return;
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    if (sigaction(SIGPIPE, &ignore, nullptr) == 0)
        qCDebug(lcQtVirtConnection, "SIGPIPE is ignored from now on (it had its default action)");
}
