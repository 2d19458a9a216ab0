// SPDX-License-Identifier: LGPL-2.1-or-later
#include "xvfbserver.h"

#include <QtCore/QString>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

constexpr int StartTimeoutMs = 15000;

} // namespace

XvfbServer::~XvfbServer()
{
    if (m_pid <= 0)
        return;
    kill(m_pid, SIGTERM);
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) { }
}

QByteArray XvfbServer::start()
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return "pipe: " + qt_error_string(errno).toLocal8Bit();
    const QByteArray writeFd = QByteArray::number(fds[1]);
    m_pid = fork();
    if (m_pid < 0)
        return "fork: " + qt_error_string(errno).toLocal8Bit();
    if (m_pid == 0) {
        // Ends with the test, however the test ends.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (fcntl(fds[1], F_SETFD, 0) != 0)
            _exit(127);
        // No TCP listener, no reset when the last client goes; 24-bit
        // colour so that screenshots look as on a desktop.
        execlp("Xvfb", "Xvfb", "-displayfd", writeFd.constData(), "-screen", "0", "1280x800x24",
               "-nolisten", "tcp", "-noreset", static_cast<char *>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    // Xvfb writes the display number and a newline once it accepts clients.
    QByteArray display;
    pollfd readable{fds[0], POLLIN, 0};
    while (!display.endsWith('\n')) {
        const int ready = poll(&readable, 1, StartTimeoutMs);
        if (ready <= 0)
            break;
        char buffer[16];
        const ssize_t got = read(fds[0], buffer, sizeof buffer);
        if (got <= 0)
            break;
        display.append(buffer, int(got));
    }
    close(fds[0]);
    if (!display.endsWith('\n'))
        return "Xvfb did not report a display (is the xvfb package installed?)";
    const QByteArray name = ':' + display.trimmed();
    qputenv("DISPLAY", name);
    qputenv("QT_QPA_PLATFORM", "xcb");
    // This display has no session bus. Without an address libdbus (which
    // Qt's xcb platform uses) tries to autolaunch one for the display,
    // fails, and leaks 1 KiB doing so (seen by LeakSanitizer); an address
    // it refuses at once spares both.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "disabled:");
    return QByteArray();
}
