// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_LOCALHOLES_H
#define QTVIRT_STREAM_LOCALHOLES_H

#include <QtCore/QtGlobal>

// The holes of a local file, through its descriptor: where they are
// (SEEK_DATA/SEEK_HOLE, as virsh's sparse upload finds them) and how to make
// one where data was (fallocate PUNCH_HOLE).
namespace LocalHoles {

// The data extent at or after offset, clipped to size: {start, end}. start
// equals size when only a hole is left; -1 with errno set on failure.
struct Extent
{
    qint64 start;
    qint64 end;
};
Extent nextData(int fd, qint64 offset, qint64 size);

// Deallocates [offset, offset + length) without changing the file size.
bool punch(int fd, qint64 offset, qint64 length);

} // namespace LocalHoles

#endif // QTVIRT_STREAM_LOCALHOLES_H
