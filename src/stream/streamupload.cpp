// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/streamupload.h"

#include "stream/localholes.h"
#include "stream/qvirtstream_p.h"
#include "stream/qvirtstreamtransfer_p.h"
#include "stream/streamlimits.h"

#include <QtCore/QFileDevice>

#include <algorithm>
#include <cerrno>
#include <unistd.h>

namespace {

// Bytes queued on the stream before the upload waits for bytesWritten():
// a few messages, so that every WRITABLE event has a full budget to send.
constexpr qint64 StreamWriteWindow = qint64(4) * 1024 * 1024;

QString systemError()
{
    return qt_error_string(errno);
}

} // namespace

void StreamUpload::start()
{
    QVirtStreamTransfer *q = t.q;
    auto *file = qobject_cast<QFileDevice *>(t.device.data());
    if (!t.device->isSequential())
        t.total = t.device->size() - t.device->pos();
    if (t.sparse && file && !file->isSequential() && file->handle() >= 0) {
        m_fd = file->handle();
        m_position = file->pos();
        m_size = file->size();
        m_extentEnd = m_position;
    }

    QObject::connect(t.stream, &QIODevice::bytesWritten, q, [this] { pump(); });
    QObject::connect(t.stream, &QVirtStream::finished, q, [this] {
        if (m_fd >= 0 && t.device)
            t.device->seek(m_position);
        t.succeed();
    });
    QObject::connect(t.stream, &QVirtStream::errorOccurred, q, [this](QVirtStream::Error error) {
        // A refused call does not harm the transfer.
        if (error != QVirtStream::OperationError)
            t.fail(QVirtStreamTransfer::StreamError, t.stream->errorString());
    });
    if (t.device->isSequential()) {
        QObject::connect(t.device, &QIODevice::readyRead, q, [this] { pump(); });
        // Queued: a device also ends its read channel when it is deleted
        // mid-transfer, which must fail the upload rather than end it
        // early; once the destructor has run, pump() sees the difference.
        QObject::connect(
            t.device, &QIODevice::readChannelFinished, q,
            [this] {
                m_deviceEnded = true;
                pump();
            },
            Qt::QueuedConnection);
    }
    pump();
}

void StreamUpload::pump()
{
    if (t.finished || m_finishing || !t.stream || (!t.device && needsDevice()))
        return;
    const qint64 before = t.transferred;
    while (!m_inputDone && t.stream->bytesToWrite() < StreamWriteWindow) {
        if (!(m_fd >= 0 ? readFromSparseFile() : readFromDevice()))
            break;
    }
    if (t.finished)
        return;
    if (t.transferred != before && !t.reportProgress())
        return;
    // A progress() slot may have deleted the stream outright: its
    // destroyed() signal fails the transfer from the event loop. The device
    // is no longer needed once all of its input was read.
    if (t.finished || !m_inputDone || !t.stream)
        return;
    m_finishing = true;
    // finished() or errorOccurred() of the stream completes the transfer.
    if (!t.stream->finish())
        t.fail(QVirtStreamTransfer::StreamError, t.stream->errorString());
}

bool StreamUpload::readFromDevice()
{
    QVirtStreamPrivate *stream = QVirtStreamPrivate::get(t.stream);
    QByteArray chunk = stream->writeBuffer.takeSpare(StreamMessagePayloadMax);
    const qint64 got = t.device->read(chunk.data(), chunk.size());
    if (got > 0) {
        // Nothing to enqueue: only whether the stream still takes writes.
        if (!stream->enqueue(QByteArray())) {
            t.fail(QVirtStreamTransfer::StreamError, t.stream->errorString());
            return false;
        }
        stream->writeBuffer.appendFilled(std::move(chunk), got);
        stream->updateEvents();
        t.transferred += got;
        return true;
    }
    // A file ends when read() returns 0; a sequential device, once it said
    // so with readChannelFinished() and has nothing left.
    if (!t.device->isSequential() || m_deviceEnded || !t.device->isOpen()) {
        if (got < 0 && !t.device->isSequential()) {
            t.fail(QVirtStreamTransfer::DeviceReadError,
                   QVirtStreamTransfer::tr("Cannot read from the device: %1")
                       .arg(t.device->errorString()));
            return false;
        }
        m_inputDone = true;
    }
    return false;
}

bool StreamUpload::readFromSparseFile()
{
    if (m_position >= m_size) {
        m_inputDone = true;
        return false;
    }
    if (m_position >= m_extentEnd) {
        const LocalHoles::Extent extent = LocalHoles::nextData(m_fd, m_position, m_size);
        if (extent.start < 0) {
            t.fail(QVirtStreamTransfer::DeviceReadError,
                   QVirtStreamTransfer::tr("Cannot find the holes of the file: %1")
                       .arg(systemError()));
            return false;
        }
        if (extent.start > m_position) {
            const qint64 hole = extent.start - m_position;
            if (!t.stream->writeHole(hole)) {
                t.fail(QVirtStreamTransfer::StreamError, t.stream->errorString());
                return false;
            }
            m_position = extent.start;
            t.holes += hole;
            t.transferred += hole;
        }
        m_extentEnd = extent.end;
        return true;
    }
    QByteArray chunk = QVirtStreamPrivate::get(t.stream)->writeBuffer.takeSpare(
        std::min(StreamMessagePayloadMax, m_extentEnd - m_position));
    // pread(), because SEEK_DATA moves the descriptor's offset under QFile;
    // the finished() handler puts QFile's position right.
    const ssize_t got = ::pread(m_fd, chunk.data(), size_t(chunk.size()), off_t(m_position));
    if (got <= 0) {
        t.fail(QVirtStreamTransfer::DeviceReadError,
               QVirtStreamTransfer::tr("Cannot read from the file: %1")
                   .arg(got < 0 ? systemError() : QVirtStreamTransfer::tr("it shrank")));
        return false;
    }
    chunk.truncate(got);
    if (!QVirtStreamPrivate::get(t.stream)->enqueue(std::move(chunk))) {
        t.fail(QVirtStreamTransfer::StreamError, t.stream->errorString());
        return false;
    }
    m_position += got;
    t.transferred += got;
    return true;
}
