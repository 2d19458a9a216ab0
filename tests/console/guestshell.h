// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_CONSOLE_GUESTSHELL_H
#define QTVIRT_TESTS_CONSOLE_GUESTSHELL_H

#include <QtCore/QByteArray>

class ConsoleProcess;

// The testbed guest's busybox shell, reached through a console program
// (qt-console) running in a ConsoleProcess. Every wait is for something the
// guest prints, never a sleep, so that a loaded machine only makes a test
// slower.
namespace GuestShell {

// How long the guest may take to boot to its first prompt, and to answer.
constexpr int BootMs = 90000;
constexpr int ReplyMs = 30000;

// Enter until the guest's shell shows a prompt after what was printed so
// far; the guest may still be booting, and its prompt from before the
// attach is not repeated.
bool waitForPrompt(ConsoleProcess &console);

// Types command and waits for expected in its output. The expected text
// must not be in the command itself (the guest echoes it): compute it, as
// in echo hel""lo-$((6*7)) for hello-42.
bool runInGuest(ConsoleProcess &console, const QByteArray &command, const QByteArray &expected,
                int timeoutMs = ReplyMs);

} // namespace GuestShell

#endif // QTVIRT_TESTS_CONSOLE_GUESTSHELL_H
