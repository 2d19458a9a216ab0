// SPDX-License-Identifier: LGPL-2.1-or-later
#include "consoleprocess.h"

#include <QtCore/QString>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

extern char **environ;

namespace {

QString systemError(const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1StringView(what),
                                        QString::fromLocal8Bit(std::strerror(errno)));
}

// Pointers into storage, null-terminated, for execve().
std::vector<char *> pointers(std::vector<QByteArray> &storage)
{
    std::vector<char *> result;
    for (QByteArray &entry : storage)
        result.push_back(entry.data());
    result.push_back(nullptr);
    return result;
}

} // namespace

ConsoleProcess::~ConsoleProcess()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
    for (int fd : {m_master, m_slave, m_inputPipe}) {
        if (fd >= 0)
            ::close(fd);
    }
}

QString ConsoleProcess::start(const QString &program, const QStringList &arguments, Input input,
                              const QMap<QByteArray, QByteArray> &env)
{
    if (::openpty(&m_master, &m_slave, nullptr, nullptr, nullptr) != 0)
        return systemError("openpty");
    ::fcntl(m_master, F_SETFD, FD_CLOEXEC);
    ::fcntl(m_slave, F_SETFD, FD_CLOEXEC);
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    m_settingsAtStart = terminalSettings();
    int pipeFds[2] = {-1, -1};
    if (input == Input::Pipe) {
        if (::pipe2(pipeFds, O_CLOEXEC) != 0)
            return systemError("pipe2");
        m_inputPipe = pipeFds[1];
        ::fcntl(m_inputPipe, F_SETFL, ::fcntl(m_inputPipe, F_GETFL) | O_NONBLOCK);
    }

    // Everything the child needs is built before fork(): between fork() and
    // execve() only async-signal-safe calls are allowed.
    std::vector<QByteArray> argvStorage{program.toLocal8Bit()};
    for (const QString &argument : arguments)
        argvStorage.push_back(argument.toLocal8Bit());
    std::vector<QByteArray> envStorage;
    for (char **entry = environ; *entry; ++entry) {
        const QByteArray variable(*entry);
        if (!env.contains(variable.left(variable.indexOf('='))))
            envStorage.push_back(variable);
    }
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        if (!it.value().isEmpty())
            envStorage.push_back(it.key() + '=' + it.value());
    }
    std::vector<char *> argv = pointers(argvStorage);
    std::vector<char *> envp = pointers(envStorage);
    const int stdinFd = input == Input::Pipe ? pipeFds[0] : m_slave;

    m_pid = ::fork();
    if (m_pid < 0)
        return systemError("fork");
    if (m_pid == 0) {
        // A session of its own, with the terminal as its controlling one,
        // as a shell would start it.
        ::setsid();
        ::ioctl(m_slave, TIOCSCTTY, 0);
        ::dup2(stdinFd, STDIN_FILENO);
        ::dup2(m_slave, STDOUT_FILENO);
        ::dup2(m_slave, STDERR_FILENO);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    if (pipeFds[0] >= 0)
        ::close(pipeFds[0]);
    return {};
}

termios ConsoleProcess::terminalSettings() const
{
    termios settings{};
    ::tcgetattr(m_slave, &settings);
    return settings;
}

bool ConsoleProcess::write(const QByteArray &bytes, QDeadlineTimer deadline)
{
    const int fd = m_inputPipe >= 0 ? m_inputPipe : m_master;
    qsizetype done = 0;
    while (done < bytes.size()) {
        if (deadline.hasExpired() || !isRunning())
            return false;
        pollfd fds[2] = {{fd, POLLOUT, 0}, {m_master, POLLIN, 0}};
        if (::poll(fds, 2, 100) < 0 && errno != EINTR)
            return false;
        if (fds[0].revents & POLLOUT) {
            const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
            if (n > 0)
                done += n;
            else if (n < 0 && errno != EAGAIN && errno != EINTR)
                return false;
        }
        readOutput(0);
        reap();
    }
    return true;
}

void ConsoleProcess::closeInput()
{
    if (m_inputPipe >= 0)
        ::close(m_inputPipe);
    m_inputPipe = -1;
}

qsizetype ConsoleProcess::waitFor(const QByteArray &pattern, qsizetype from,
                                  QDeadlineTimer deadline)
{
    for (;;) {
        const qsizetype at = m_output.indexOf(pattern, from);
        if (at >= 0)
            return at;
        if (deadline.hasExpired())
            return -1;
        if (!isRunning()) {
            readOutput(0);
            return m_output.indexOf(pattern, from);
        }
        readOutput(int(std::min<qint64>(deadline.remainingTime(), 100)));
        reap();
    }
}

int ConsoleProcess::waitForExit(QDeadlineTimer deadline)
{
    while (isRunning() && !deadline.hasExpired()) {
        readOutput(int(std::min<qint64>(deadline.remainingTime(), 100)));
        reap();
    }
    readOutput(0);
    return isRunning() ? -1 : m_exitCode;
}

void ConsoleProcess::readOutput(int timeoutMs)
{
    pollfd fd{m_master, POLLIN, 0};
    if (::poll(&fd, 1, timeoutMs) <= 0)
        return;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(m_master, buffer, sizeof buffer);
        if (n <= 0)
            return;
        m_output.append(buffer, n);
    }
}

void ConsoleProcess::reap()
{
    int status = 0;
    if (m_pid <= 0 || ::waitpid(m_pid, &status, WNOHANG) != m_pid)
        return;
    m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    m_pid = -1;
}
