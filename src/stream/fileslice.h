// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_FILESLICE_H
#define QTVIRT_STREAM_FILESLICE_H

#include <QtCore/QtGlobal>

#include <memory>

// A descriptor of its own for a regular file being uploaded (a duplicate of
// the application's, so that closing the QFile does not pull it from under
// a send on its way), closed with the last slice that refers to it.
class SharedFileDescriptor
{
public:
    // Null when the descriptor cannot be duplicated (errno set).
    static std::shared_ptr<const SharedFileDescriptor> duplicate(int fd);
    explicit SharedFileDescriptor(int fd)
        : m_fd(fd)
    { }
    ~SharedFileDescriptor();
    SharedFileDescriptor(const SharedFileDescriptor &) = delete;
    SharedFileDescriptor &operator=(const SharedFileDescriptor &) = delete;

    int get() const { return m_fd; }

private:
    const int m_fd;
};

// length bytes of a file from offset, queued on a stream instead of the
// bytes themselves: the thread that sends them reads them right before, so
// that libvirt copies data that is still in that core's cache
// (docs/libvirt-streams.md, "Who makes the blocking calls").
struct FileSlice
{
    std::shared_ptr<const SharedFileDescriptor> file;
    qint64 offset = 0;
    qint64 length = 0;
};

#endif // QTVIRT_STREAM_FILESLICE_H
