// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/streambuffer.h"

#include <algorithm>
#include <cstring>
#include <utility>

qint64 StreamBuffer::readableSize() const
{
    if (m_holes == 0)
        return m_dataSize;
    qint64 size = 0;
    for (const Segment &segment : m_segments) {
        if (segment.hole)
            break;
        size += segment.data.size() - segment.offset;
    }
    return size;
}

void StreamBuffer::append(const char *data, qint64 size)
{
    if (size <= 0)
        return;
    if (!m_segments.empty()) {
        Segment &tail = m_segments.back();
        if (tail.holdsBytes() && tail.data.size() - tail.offset + size <= GatherLimit) {
            tail.data.append(data, size);
            m_dataSize += size;
            return;
        }
    }
    append(QByteArray(data, size));
}

void StreamBuffer::append(QByteArray chunk)
{
    if (chunk.isEmpty())
        return;
    m_dataSize += chunk.size();
    m_segments.push_back(Segment{std::move(chunk), 0, 0, {}});
}

void StreamBuffer::appendFileSlice(FileSlice slice)
{
    if (slice.length <= 0)
        return;
    m_dataSize += slice.length;
    m_segments.push_back(Segment{QByteArray(), 0, 0, std::move(slice)});
}

void StreamBuffer::appendHole(qint64 length)
{
    if (length <= 0)
        return;
    if (!m_segments.empty() && m_segments.back().hole) {
        m_segments.back().hole += length;
        return;
    }
    m_segments.push_back(Segment{QByteArray(), 0, length, {}});
    ++m_holes;
}

qint64 StreamBuffer::frontHole() const
{
    return m_segments.empty() ? 0 : m_segments.front().hole;
}

qint64 StreamBuffer::takeFrontHole()
{
    const qint64 length = frontHole();
    if (length) {
        m_segments.pop_front();
        --m_holes;
    }
    return length;
}

QByteArrayView StreamBuffer::frontData() const
{
    if (m_segments.empty() || !m_segments.front().holdsBytes())
        return {};
    const Segment &front = m_segments.front();
    return QByteArrayView(front.data).sliced(front.offset);
}

void StreamBuffer::consume(qint64 size)
{
    while (size > 0 && !m_segments.empty() && m_segments.front().holdsBytes()) {
        Segment &front = m_segments.front();
        const qint64 step = std::min(size, front.data.size() - front.offset);
        front.offset += step;
        m_dataSize -= step;
        size -= step;
        if (front.offset == front.data.size()) {
            recycle(std::move(front.data));
            m_segments.pop_front();
        }
    }
}

QByteArray StreamBuffer::takeFrontData(qint64 max)
{
    if (m_segments.empty() || !m_segments.front().holdsBytes() || max <= 0)
        return {};
    Segment &front = m_segments.front();
    const qint64 size = front.data.size() - front.offset;
    if (front.offset == 0 && size <= max) {
        QByteArray whole = std::move(front.data);
        m_segments.pop_front();
        m_dataSize -= size;
        return whole;
    }
    const qint64 taken = std::min(size, max);
    QByteArray part = front.data.sliced(front.offset, taken);
    consume(taken);
    return part;
}

FileSlice StreamBuffer::takeFrontSlice(qint64 max)
{
    Segment &front = m_segments.front();
    FileSlice taken = front.slice;
    taken.length = std::min(max, front.slice.length);
    front.slice.offset += taken.length;
    front.slice.length -= taken.length;
    m_dataSize -= taken.length;
    if (front.slice.length == 0)
        m_segments.pop_front();
    return taken;
}

QList<StreamBuffer::Piece> StreamBuffer::takeBatch(qint64 budget)
{
    QList<Piece> batch;
    qint64 data = 0;
    while (!isEmpty() && data < budget) {
        if (const qint64 hole = takeFrontHole()) {
            batch.append(Piece{QByteArray(), hole, {}});
            continue;
        }
        // Once the batch holds data, only whole pieces: taking part of a
        // chunk copies it, and an upload queues a message's worth per
        // piece, so a batch ending inside one copied a quarter of
        // everything sent (and sent a sliver of a message).
        const qint64 room = budget - data;
        const Segment &front = m_segments.front();
        const qint64 frontSize
            = front.slice.length ? front.slice.length : front.data.size() - front.offset;
        if (data > 0 && frontSize > room)
            break;
        Piece piece;
        if (front.slice.length)
            piece.slice = takeFrontSlice(room);
        else
            piece.data = takeFrontData(room);
        data += piece.dataSize();
        batch.append(std::move(piece));
    }
    return batch;
}

qint64 StreamBuffer::read(char *out, qint64 maxSize)
{
    qint64 done = 0;
    while (done < maxSize) {
        const QByteArrayView front = frontData();
        if (front.isEmpty())
            break;
        const qint64 step = std::min(maxSize - done, front.size());
        std::memcpy(out + done, front.data(), size_t(step));
        consume(step);
        done += step;
    }
    return done;
}

bool StreamBuffer::containsBeforeHole(char c) const
{
    for (const Segment &segment : m_segments) {
        if (segment.hole)
            return false;
        if (QByteArrayView(segment.data).sliced(segment.offset).contains(c))
            return true;
    }
    return false;
}

QByteArray StreamBuffer::takeSpare(qint64 size)
{
    if (m_spares.empty() || m_spares.back().capacity() < size)
        return QByteArray(size, Qt::Uninitialized);
    QByteArray chunk = std::move(m_spares.back());
    m_spares.pop_back();
    chunk.resize(size);
    return chunk;
}

void StreamBuffer::recycle(QByteArray &&chunk)
{
    // Only a buffer nobody else holds can be written again, and small ones
    // are cheap to allocate anyway.
    if (chunk.isDetached() && chunk.capacity() > GatherLimit && m_spares.size() < MaxSpares)
        m_spares.push_back(std::move(chunk));
}

void StreamBuffer::appendFilled(QByteArray &&chunk, qint64 filled)
{
    if (filled < chunk.size() / 4) {
        append(chunk.constData(), filled);
        recycle(std::move(chunk));
    } else {
        chunk.truncate(filled);
        append(std::move(chunk));
    }
}

void StreamBuffer::clear()
{
    m_spares.clear();
    m_segments.clear();
    m_dataSize = 0;
    m_holes = 0;
}
