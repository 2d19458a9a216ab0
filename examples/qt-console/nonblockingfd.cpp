// SPDX-License-Identifier: LGPL-2.1-or-later
#include "nonblockingfd.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>

NonBlockingFd::NonBlockingFd(int fd)
    : m_fd(fd)
{
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags < 0 || ::fcntl(m_fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    m_savedFlags = flags;
}

NonBlockingFd::~NonBlockingFd()
{
    if (m_savedFlags >= 0)
        ::fcntl(m_fd, F_SETFL, m_savedFlags);
}
