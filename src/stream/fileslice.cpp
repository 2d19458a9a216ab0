// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/fileslice.h"

#include <fcntl.h>

std::shared_ptr<const OwnedFd> FileSlice::shareFile(int fd)
{
    const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0)
        return nullptr;
    return std::make_shared<const OwnedFd>(copy);
}
