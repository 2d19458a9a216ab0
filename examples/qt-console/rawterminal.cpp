// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rawterminal.h"

#include <cerrno>
#include <cstring>

RawTerminal::RawTerminal(int fd)
    : m_fd(fd)
{
    if (::tcgetattr(m_fd, &m_saved) != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    termios raw = m_saved;
    ::cfmakeraw(&raw);
    // TCSANOW rather than virsh's TCSAFLUSH: keys typed before the console
    // was attached still reach the guest.
    if (::tcsetattr(m_fd, TCSANOW, &raw) != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    m_changed = true;
}

RawTerminal::~RawTerminal()
{
    // TCSANOW: draining first could wait forever for a reader that has gone.
    if (m_changed)
        ::tcsetattr(m_fd, TCSANOW, &m_saved);
}
