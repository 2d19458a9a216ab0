// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/streamdownload.h"

#include "stream/localholes.h"
#include "stream/qvirtstream_p.h"
#include "stream/qvirtstreamtransfer_p.h"
#include "stream/streamlimits.h"

#include <QtCore/QFileDevice>
#include <QtCore/QPointer>

#include <algorithm>
#include <utility>

namespace {

// A sequential device (a socket, a pipe) queues what it cannot write yet;
// beyond this much, the download waits for bytesWritten(), and the stream's
// read cap stops libvirt in turn.
constexpr qint64 DeviceWriteWindow = qint64(4) * 1024 * 1024;

// Zeros written in one pass when the device takes them at once (a file, or
// a device whose bytesToWrite() stays 0): the rest follows in later passes,
// so that the loop keeps running keepalive and everything else meanwhile.
// Larger than the window, which paces the devices that queue.
constexpr qint64 ZerosPerPass = 2 * DeviceWriteWindow;

const QByteArray &zeroBlock()
{
    static const QByteArray zeros(StreamMessagePayloadMax, '\0');
    return zeros;
}

} // namespace

void StreamDownload::start()
{
    QVirtStreamTransfer *q = t.q;
    m_file = qobject_cast<QFileDevice *>(t.device.data());
    if (m_file && (m_file->isSequential() || m_file->handle() < 0))
        m_file = nullptr;
    if (m_file)
        m_initialFileSize = m_file->size();

    QObject::connect(t.stream, &QIODevice::readyRead, q, [this] { pump(); });
    QObject::connect(t.stream, &QVirtStream::finished, q, [this] { pump(); });
    QObject::connect(t.stream, &QVirtStream::errorOccurred, q, [this](QVirtStream::Error error) {
        // A refused call does not harm the transfer.
        if (error != QVirtStream::OperationError)
            t.fail(QVirtStreamTransfer::StreamError, t.stream->errorString());
    });
    if (t.device->isSequential())
        QObject::connect(t.device, &QIODevice::bytesWritten, q, [this] { pump(); });
    pump();
}

void StreamDownload::pump()
{
    if (t.finished || !t.intact())
        return;
    QVirtStreamPrivate *stream = QVirtStreamPrivate::get(t.stream);
    const qint64 before = t.transferred;
    qint64 zerosWritten = 0;
    while (t.device->bytesToWrite() < DeviceWriteWindow) {
        if (m_zerosLeft > 0) {
            if (zerosWritten >= ZerosPerPass) {
                pumpLater();
                break;
            }
            const qint64 left = m_zerosLeft;
            if (!writeZeros())
                return;
            zerosWritten += left - m_zerosLeft;
            continue;
        }
        if (const qint64 hole = stream->readBuffer.takeFrontHole()) {
            if (!startHole(hole))
                return;
            continue;
        }
        const QByteArrayView data = stream->readBuffer.frontData();
        if (data.isEmpty())
            break;
        // A file may take part of a write and fail only on the rest (a size
        // limit, a full disk): the next round then reports why.
        const qint64 written = t.device->write(data.data(), data.size());
        if (written <= 0) {
            failWriting();
            return;
        }
        stream->readBuffer.consume(written);
        t.transferred += written;
    }
    // Room in the read buffer again: let the stream ask libvirt for more.
    // That may fail the stream, and with it the transfer: no progress()
    // after finished(), whose slot may even have deleted the transfer.
    const QPointer<QVirtStreamTransfer> guard(t.q);
    stream->updateEvents();
    if (!guard || t.finished)
        return;
    if (t.transferred != before && !t.reportProgress())
        return;
    // A progress() slot may have deleted the stream or the device outright:
    // their destroyed() signals fail the transfer from the event loop, and a
    // device gone with data unwritten must not complete it now.
    if (!t.intact())
        return;
    if (!t.finished && t.stream->isFinished() && stream->readBuffer.isEmpty() && m_zerosLeft == 0)
        complete();
}

bool StreamDownload::startHole(qint64 length)
{
    m_zerosLeft = length;
    if (!m_file)
        return true;
    if (!m_file->flush()) {
        t.fail(QVirtStreamTransfer::DeviceWriteError,
               QVirtStreamTransfer::tr("Cannot write to the file: %1").arg(m_file->errorString()));
        return false;
    }
    const qint64 start = m_file->pos();
    const qint64 end = start + length;
    // Seeking leaves old data in place: where the file had some, make a
    // hole, or write zeros where the file system cannot.
    const qint64 overlapEnd = std::min(end, m_initialFileSize);
    m_zerosLeft = 0;
    if (start < overlapEnd && !LocalHoles::punch(m_file->handle(), start, overlapEnd - start))
        m_zerosLeft = overlapEnd - start;
    m_seekAfterZeros = end;
    // What is seeked over counts at once; zeros count as they are written.
    t.holes += length - m_zerosLeft;
    t.transferred += length - m_zerosLeft;
    return m_zerosLeft > 0 || seekPastHole();
}

bool StreamDownload::writeZeros()
{
    const QByteArray &zeros = zeroBlock();
    const qint64 written
        = t.device->write(zeros.constData(), std::min<qint64>(m_zerosLeft, zeros.size()));
    if (written <= 0) {
        failWriting();
        return false;
    }
    m_zerosLeft -= written;
    t.holes += written;
    t.transferred += written;
    return m_zerosLeft > 0 || seekPastHole();
}

bool StreamDownload::seekPastHole()
{
    if (m_seekAfterZeros < 0)
        return true;
    const qint64 end = std::exchange(m_seekAfterZeros, -1);
    if (!m_file->seek(end)) {
        t.fail(QVirtStreamTransfer::DeviceWriteError,
               QVirtStreamTransfer::tr("Cannot seek in the file: %1").arg(m_file->errorString()));
        return false;
    }
    return true;
}

void StreamDownload::pumpLater()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    // The transfer as context: a deleted transfer drops the call.
    QMetaObject::invokeMethod(
        t.q,
        [this] {
            m_pumpScheduled = false;
            pump();
        },
        Qt::QueuedConnection);
}

void StreamDownload::failWriting()
{
    const QString reason = t.device->errorString();
    t.fail(QVirtStreamTransfer::DeviceWriteError,
           QVirtStreamTransfer::tr("Cannot write to the device: %1")
               .arg(reason.isEmpty() ? QVirtStreamTransfer::tr("it took no data") : reason));
}

void StreamDownload::complete()
{
    // A hole at the end was only seeked over: the file must still grow to
    // its full size.
    if (m_file && m_file->size() < m_file->pos() && !m_file->resize(m_file->pos())) {
        t.fail(QVirtStreamTransfer::DeviceWriteError,
               QVirtStreamTransfer::tr("Cannot extend the file: %1").arg(m_file->errorString()));
        return;
    }
    if (m_file && !m_file->flush()) {
        t.fail(QVirtStreamTransfer::DeviceWriteError,
               QVirtStreamTransfer::tr("Cannot write to the file: %1").arg(m_file->errorString()));
        return;
    }
    t.succeed();
}
