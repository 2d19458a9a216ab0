// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/streamupload.h"

#include "stream/localholes.h"
#include "stream/qvirtstream_p.h"
#include "stream/qvirtstreamtransfer_p.h"
#include "stream/streamlimits.h"

#include <QtCore/QFileDevice>
#include <QtCore/QPointer>

#include <algorithm>
#include <cerrno>
#include <sys/stat.h>

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
    if (!t.device->isSequential())
        t.total = t.device->size() - t.device->pos();
    useFileSlices();

    QObject::connect(t.stream, &QIODevice::bytesWritten, q, [this] { pump(); });
    QObject::connect(t.stream, &QVirtStream::finished, q, [this] {
        releaseFile();
        t.succeed();
    });
    QObject::connect(t.stream, &QVirtStream::errorOccurred, q, [this](QVirtStream::Error error) {
        // A refused call does not harm the transfer.
        if (error == QVirtStream::OperationError)
            return;
        releaseFile();
        const QString readFailure = QVirtStreamPrivate::get(t.stream)->fileReadFailure;
        if (!readFailure.isEmpty())
            failReading(readFailure);
        else
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

void StreamUpload::useFileSlices()
{
    auto *file = qobject_cast<QFileDevice *>(t.device.data());
    // Text mode changes the bytes read (QIODevice drops '\r'); pread() would
    // not.
    if (!file || file->isSequential() || file->handle() < 0
        || file->openMode().testFlag(QIODevice::Text))
        return;
    // A regular file only, and one whose size says how much there is: a
    // file of /proc reads as more than its size of 0, so it is read through
    // the device. A sparse upload looks for holes whatever the size.
    struct stat status = {};
    if (::fstat(file->handle(), &status) < 0 || !S_ISREG(status.st_mode)
        || (!t.sparse && status.st_size <= file->pos()))
        return;
    m_file = FileSlice::shareFile(file->handle());
    if (!m_file)
        return;
    m_position = file->pos();
    m_size = file->size();
    m_extentEnd = t.sparse ? m_position : m_size;
}

void StreamUpload::releaseFile()
{
    if (!m_file)
        return;
    // The duplicate shares the file's offset with QFile, which SEEK_DATA
    // moved (slices are read with pread(), which leaves it alone): QFile's
    // position is put where the upload stopped reading.
    if (t.device && t.device->isOpen())
        t.device->seek(m_position);
    // Queued slices hold the descriptor while they are on their way.
    m_file.reset();
}

void StreamUpload::pump()
{
    if (t.finished || m_finishing || !t.stream || (!t.device && needsDevice()))
        return;
    const qint64 before = t.transferred;
    // A failure emits finished(), whose slot may delete the transfer, and
    // this job with it.
    const QPointer<QVirtStreamTransfer> guard(t.q);
    while (!m_inputDone && t.stream->bytesToWrite() < StreamWriteWindow) {
        if (!(m_file ? queueFileSlice() : readFromDevice()))
            break;
    }
    if (!guard || t.finished)
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

void StreamUpload::failReading(const QString &reason)
{
    t.fail(QVirtStreamTransfer::DeviceReadError,
           QVirtStreamTransfer::tr("Cannot read from the file: %1").arg(reason));
}

bool StreamUpload::stillWhole()
{
    struct stat status = {};
    if (::fstat(m_file->get(), &status) < 0) {
        failReading(systemError());
        return false;
    }
    if (status.st_size < m_size) {
        failReading(QVirtStream::tr("the file became shorter during the upload"));
        return false;
    }
    return true;
}

bool StreamUpload::queueFileSlice()
{
    if (m_position >= m_size) {
        m_inputDone = true;
        return false;
    }
    if (m_position >= m_extentEnd) {
        const LocalHoles::Extent extent = LocalHoles::nextData(m_file->get(), m_position, m_size);
        if (extent.start < 0) {
            t.fail(QVirtStreamTransfer::DeviceReadError,
                   QVirtStreamTransfer::tr("Cannot find the holes of the file: %1")
                       .arg(systemError()));
            return false;
        }
        // Only a hole left of a file that shrank meanwhile: its data went
        // (lseek() finds none past the end), which a hole must not replace.
        if (extent.start == m_size && !stillWhole())
            return false;
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
    // One message's worth, read by the thread that sends it (fileslice.h).
    const qint64 length = std::min(StreamMessagePayloadMax, m_extentEnd - m_position);
    if (!QVirtStreamPrivate::get(t.stream)->enqueue(FileSlice{m_file, m_position, length})) {
        t.fail(QVirtStreamTransfer::StreamError, t.stream->errorString());
        return false;
    }
    m_position += length;
    t.transferred += length;
    return true;
}
