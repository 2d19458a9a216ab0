// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_COMMON_OWNEDFD_H
#define QTVIRT_COMMON_OWNEDFD_H

#include <unistd.h>
#include <utility>

// A file descriptor closed on every way out of its scope unless released:
// one that libvirt opened for an operation whose result is dropped (its
// future canceled, its connection destroyed) must not leak, and the
// duplicate an upload reads its file through goes with its last slice.
class OwnedFd
{
public:
    explicit OwnedFd(int fd)
        : m_fd(fd)
    { }
    OwnedFd(OwnedFd &&other) noexcept
        : m_fd(other.release())
    { }
    OwnedFd &operator=(OwnedFd &&other) noexcept
    {
        if (this != &other) {
            reset();
            m_fd = other.release();
        }
        return *this;
    }
    OwnedFd(const OwnedFd &) = delete;
    OwnedFd &operator=(const OwnedFd &) = delete;
    ~OwnedFd() { reset(); }

    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    void reset()
    {
        if (m_fd >= 0)
            ::close(std::exchange(m_fd, -1));
    }

    int m_fd;
};

#endif // QTVIRT_COMMON_OWNEDFD_H
