// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTCONSOLE_NONBLOCKINGFD_H
#define QTVIRT_EXAMPLES_QTCONSOLE_NONBLOCKINGFD_H

#include <QtCore/QString>

// Sets O_NONBLOCK on an fd and puts its flags back on destruction. The flag
// belongs to the open file description, which stdin and stdout share with
// the shell (and often with each other), so it must not outlive the program.
// Nest guards of fds that may share a description: the inner one restores
// first, the outer one last, with the flags found before either.
class NonBlockingFd
{
public:
    explicit NonBlockingFd(int fd);
    ~NonBlockingFd();
    NonBlockingFd(const NonBlockingFd &) = delete;
    NonBlockingFd &operator=(const NonBlockingFd &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    const int m_fd;
    int m_savedFlags = -1;
    QString m_error;
};

#endif // QTVIRT_EXAMPLES_QTCONSOLE_NONBLOCKINGFD_H
