// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_CONSOLE_CONSOLEPROCESS_H
#define QTVIRT_TESTS_CONSOLE_CONSOLEPROCESS_H

#include <QtCore/QByteArray>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QMap>
#include <QtCore/QStringList>

#include <sys/types.h>
#include <termios.h>

// qt-console as a child process whose stdout and stderr are a pseudo-terminal,
// as in a user's terminal, and whose stdin is either that terminal too or a
// pipe (scripting). The test types on the terminal's master side, or into
// the pipe, and reads everything the program prints from the master.
class ConsoleProcess
{
public:
    enum class Input { Terminal, Pipe };

    ConsoleProcess() = default;
    // Kills the child if it still runs.
    ~ConsoleProcess();
    ConsoleProcess(const ConsoleProcess &) = delete;
    ConsoleProcess &operator=(const ConsoleProcess &) = delete;

    // Starts the program with arguments; env adds to (or, with an empty
    // value, removes from) the test's own environment. Returns an error, or
    // an empty string.
    QString start(const QString &program, const QStringList &arguments, Input input,
                  const QMap<QByteArray, QByteArray> &env = {});

    // The terminal's settings now, as the program's side sees them, and as
    // they were when the program started.
    termios terminalSettings() const;
    const termios &settingsAtStart() const { return m_settingsAtStart; }

    // Sends bytes to the program's stdin, reading its output meanwhile so
    // that neither side can block the other. False on error or timeout.
    bool write(const QByteArray &bytes, QDeadlineTimer deadline = QDeadlineTimer(60000));
    // Closes the program's stdin (Pipe only).
    void closeInput();

    // Reads output until it contains pattern after position from. Returns
    // the index of pattern, or -1 at the deadline or when the program ended.
    qsizetype waitFor(const QByteArray &pattern, qsizetype from, QDeadlineTimer deadline);
    // Everything the program printed so far.
    const QByteArray &output() const { return m_output; }

    // Waits for the program to exit, reading its output meanwhile. Returns
    // the exit code, 128 + n after signal n, or -1 at the deadline.
    int waitForExit(QDeadlineTimer deadline);
    bool isRunning() const { return m_pid > 0; }

private:
    // Reads what is available, waiting up to timeoutMs for something.
    void readOutput(int timeoutMs);
    // Collects the exit status if the child has exited.
    void reap();

    pid_t m_pid = -1;
    int m_exitCode = -1;
    int m_master = -1;
    int m_slave = -1;
    int m_inputPipe = -1;
    termios m_settingsAtStart{};
    QByteArray m_output;
};

#endif // QTVIRT_TESTS_CONSOLE_CONSOLEPROCESS_H
