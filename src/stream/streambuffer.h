// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_STREAMBUFFER_H
#define QTVIRT_STREAM_STREAMBUFFER_H

#include "stream/fileslice.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QList>

#include <deque>
#include <vector>

// A FIFO of byte chunks and holes, the read or write queue of one stream.
//
// Holes take no memory: they stand for runs of zeros that a sparse libvirt
// stream transfers as a length only (virStreamRecvHole, virStreamSendHole).
// Reads stop at a hole, so that the application sees it in its place.
//
// A write queue may also hold file slices (fileslice.h): data that the
// sending thread reads itself. They count as data, and leave the queue only
// through takeBatch().
class StreamBuffer
{
public:
    bool isEmpty() const { return m_segments.empty(); }
    // Bytes of data held (file slices included), holes not counted: what
    // the read cap limits.
    qint64 dataSize() const { return m_dataSize; }
    // Bytes of data before the first hole: what read() can return now.
    qint64 readableSize() const;

    void append(const char *data, qint64 size);
    void append(QByteArray chunk);
    void appendHole(qint64 length);
    void appendFileSlice(FileSlice slice);

    // Length of the hole at the front, 0 when data (or nothing) comes first.
    qint64 frontHole() const;
    qint64 takeFrontHole();
    // The contiguous data at the front; empty when a hole or a file slice
    // comes first.
    QByteArrayView frontData() const;
    void consume(qint64 size);

    // Data, a hole of that length when hole > 0, or a file slice to read
    // and send when slice.length > 0: what one virStreamSend() or
    // virStreamSendHole() sequence takes.
    struct Piece
    {
        QByteArray data;
        qint64 hole = 0;
        FileSlice slice;
        qint64 dataSize() const { return data.size() + slice.length; }
    };
    // Takes the front of the queue for one batch of sends: holes, and data
    // (chunks and file slices) up to budget bytes, each whole, without
    // copies. Only a piece larger than the budget is split, when it comes
    // first: a chunk then by a copy.
    QList<Piece> takeBatch(qint64 budget);

    // Copies up to maxSize bytes of data into out, stopping at a hole.
    qint64 read(char *out, qint64 maxSize);
    // Whether c occurs in the data before the first hole.
    bool containsBeforeHole(char c) const;

    // A buffer of at least size bytes for the next chunk to receive: a
    // consumed chunk of a whole message when there is one. Allocating a
    // fresh 256 KiB per message made glibc grow and trim its heap around
    // every one of them, which cost a download a tenth of its speed.
    QByteArray takeSpare(qint64 size);
    // Keeps a chunk no longer needed (or drops it) for takeSpare().
    void recycle(QByteArray &&chunk);
    // Appends the first filled bytes of chunk, a buffer from takeSpare().
    // A console or a socket gives a few bytes at a time: when they fill
    // only a small part of the chunk, they are copied (gathered with the
    // data before them) and the chunk is recycled, so that they do not hold
    // a whole message's worth of memory.
    void appendFilled(QByteArray &&chunk, qint64 filled);

    void clear();

private:
    // Takes up to max bytes of the data at the front, not past a hole: the
    // whole front chunk without a copy when it fits, else a copy of its
    // first max bytes. Empty when a hole (or nothing) comes first.
    QByteArray takeFrontData(qint64 max);

    struct Segment
    {
        QByteArray data;
        qint64 offset = 0; // bytes of data already consumed
        qint64 hole = 0;   // length, when this segment is a hole
        FileSlice slice;   // when slice.length > 0
        bool holdsBytes() const { return !hole && !slice.length; }
    };
    // Takes up to max bytes of the file slice at the front.
    FileSlice takeFrontSlice(qint64 max);

    // Small writes are gathered into chunks of this size, so that one
    // virStreamSend can carry them together.
    static constexpr qint64 GatherLimit = qint64(64) * 1024;
    static constexpr std::size_t MaxSpares = 4;

    std::deque<Segment> m_segments;
    // A few: an upload consumes a whole event's worth of chunks at once.
    std::vector<QByteArray> m_spares;
    qint64 m_dataSize = 0;
    qint64 m_holes = 0;
};

#endif // QTVIRT_STREAM_STREAMBUFFER_H
