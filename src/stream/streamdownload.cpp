// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/streamdownload.h"

#include "stream/localholes.h"
#include "stream/qvirtstream_p.h"
#include "stream/qvirtstreamtransfer_p.h"
#include "stream/streamlimits.h"

#include <QtCore/QFileDevice>

#include <algorithm>

namespace {

// A sequential device (a socket, a pipe) queues what it cannot write yet;
// beyond this much, the download waits for bytesWritten(), and the stream's
// read cap stops libvirt in turn.
constexpr qint64 DeviceWriteWindow = qint64(4) * 1024 * 1024;

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
            t.fail(t.stream->errorString());
    });
    if (t.device->isSequential())
        QObject::connect(t.device, &QIODevice::bytesWritten, q, [this] { pump(); });
    pump();
}

void StreamDownload::pump()
{
    if (t.finished)
        return;
    QVirtStreamPrivate *stream = QVirtStreamPrivate::get(t.stream);
    bool moved = false;
    while (t.device->bytesToWrite() < DeviceWriteWindow) {
        if (const qint64 hole = stream->readBuffer.takeFrontHole()) {
            if (!skipHole(hole))
                return;
            t.holes += hole;
            t.transferred += hole;
            moved = true;
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
        moved = true;
    }
    // Room in the read buffer again: let the stream ask libvirt for more.
    stream->updateEvents();
    if (moved && !t.reportProgress())
        return;
    if (!t.finished && t.stream->isFinished() && stream->readBuffer.isEmpty())
        complete();
}

bool StreamDownload::skipHole(qint64 length)
{
    if (!m_file)
        return writeZeros(length);
    if (!m_file->flush()) {
        t.fail(QVirtStreamTransfer::tr("Cannot write to the file: %1").arg(m_file->errorString()));
        return false;
    }
    const qint64 start = m_file->pos();
    const qint64 end = start + length;
    // Seeking leaves old data in place: where the file had some, make a
    // hole, or write zeros where the file system cannot.
    const qint64 overlapEnd = std::min(end, m_initialFileSize);
    if (start < overlapEnd && !LocalHoles::punch(m_file->handle(), start, overlapEnd - start)
        && !writeZeros(overlapEnd - start)) {
        return false;
    }
    if (!m_file->seek(end)) {
        t.fail(QVirtStreamTransfer::tr("Cannot seek in the file: %1").arg(m_file->errorString()));
        return false;
    }
    return true;
}

bool StreamDownload::writeZeros(qint64 length)
{
    const QByteArray zeros(std::min(length, StreamMessagePayloadMax), '\0');
    while (length > 0) {
        const qint64 written
            = t.device->write(zeros.constData(), std::min<qint64>(length, zeros.size()));
        if (written <= 0) {
            failWriting();
            return false;
        }
        length -= written;
    }
    return true;
}

void StreamDownload::failWriting()
{
    const QString reason = t.device->errorString();
    t.fail(QVirtStreamTransfer::tr("Cannot write to the device: %1")
               .arg(reason.isEmpty() ? QVirtStreamTransfer::tr("it took no data") : reason));
}

void StreamDownload::complete()
{
    // A hole at the end was only seeked over: the file must still grow to
    // its full size.
    if (m_file && m_file->size() < m_file->pos() && !m_file->resize(m_file->pos())) {
        t.fail(QVirtStreamTransfer::tr("Cannot extend the file: %1").arg(m_file->errorString()));
        return;
    }
    if (m_file && !m_file->flush()) {
        t.fail(QVirtStreamTransfer::tr("Cannot write to the file: %1").arg(m_file->errorString()));
        return;
    }
    t.succeed();
}
