// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/fileslice.h"

#include <fcntl.h>
#include <unistd.h>

std::shared_ptr<const SharedFileDescriptor> SharedFileDescriptor::duplicate(int fd)
{
    const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0)
        return nullptr;
    return std::make_shared<const SharedFileDescriptor>(copy);
}

SharedFileDescriptor::~SharedFileDescriptor()
{
    ::close(m_fd);
}
