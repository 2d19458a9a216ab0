// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/localholes.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>

namespace LocalHoles {

Extent nextData(int fd, qint64 offset, qint64 size)
{
    const off_t start = ::lseek(fd, off_t(offset), SEEK_DATA);
    if (start < 0) {
        // ENXIO: nothing but a hole up to the end of the file.
        if (errno == ENXIO)
            return {size, size};
        return {-1, -1};
    }
    if (start >= size)
        return {size, size};
    const off_t end = ::lseek(fd, start, SEEK_HOLE);
    if (end < 0)
        return {-1, -1};
    return {qint64(start), std::min<qint64>(end, size)};
}

bool punch(int fd, qint64 offset, qint64 length)
{
    return ::fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, off_t(offset), off_t(length))
        == 0;
}

} // namespace LocalHoles
