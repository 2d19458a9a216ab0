// SPDX-License-Identifier: LGPL-2.1-or-later
#include "guestshell.h"

#include "consoleprocess.h"

namespace GuestShell {

bool waitForPrompt(ConsoleProcess &console)
{
    const QDeadlineTimer deadline(BootMs);
    while (!deadline.hasExpired()) {
        const qsizetype from = console.output().size();
        if (!console.write("\r"))
            return false;
        if (console.waitFor("# ", from, QDeadlineTimer(1000)) >= 0)
            return true;
    }
    return false;
}

bool runInGuest(ConsoleProcess &console, const QByteArray &command, const QByteArray &expected,
                int timeoutMs)
{
    const qsizetype from = console.output().size();
    return console.write(command + '\r')
        && console.waitFor(expected, from, QDeadlineTimer(timeoutMs)) >= 0;
}

} // namespace GuestShell
