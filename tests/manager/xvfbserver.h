// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_MANAGER_XVFBSERVER_H
#define QTVIRT_TESTS_MANAGER_XVFBSERVER_H

#include <QtCore/QByteArray>

#include <sys/types.h>

// An X server of the test's own: Xvfb on the first free display number
// (Xvfb picks it and reports it through -displayfd), so that tests running
// side by side never share a display. start() points DISPLAY at it,
// makes Qt use its xcb platform and leaves it without a D-Bus session bus;
// call it before the QApplication exists.
// The server ends with this object, or with the test process should that
// die first.
class XvfbServer
{
public:
    XvfbServer() = default;
    ~XvfbServer();
    XvfbServer(const XvfbServer &) = delete;
    XvfbServer &operator=(const XvfbServer &) = delete;

    // Empty on success, else what failed.
    QByteArray start();

private:
    pid_t m_pid = -1;
};

#endif // QTVIRT_TESTS_MANAGER_XVFBSERVER_H
