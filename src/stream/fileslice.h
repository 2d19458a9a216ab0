// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_FILESLICE_H
#define QTVIRT_STREAM_FILESLICE_H

#include "common/ownedfd.h"

#include <QtCore/QtGlobal>

#include <memory>

// length bytes of a file from offset, queued on a stream instead of the
// bytes themselves: the thread that sends them reads them right before, so
// that libvirt copies data that is still in that core's cache
// (docs/libvirt-streams.md, "Who makes the blocking calls").
struct FileSlice
{
    // A duplicate of the file's descriptor, shared by the upload's slices
    // and closed with the last: closing the QFile harms no send on its way.
    // It shares the file's offset with QFile; slices never use it (pread).
    std::shared_ptr<const OwnedFd> file;
    qint64 offset = 0;
    qint64 length = 0;

    // A duplicate of fd for file; null when there is none (errno set).
    static std::shared_ptr<const OwnedFd> shareFile(int fd);
};

#endif // QTVIRT_STREAM_FILESLICE_H
