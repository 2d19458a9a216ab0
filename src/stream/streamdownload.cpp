// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/streamdownload.h"

#include "stream/filewriter.h"
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

// Enough chunks in the file writer's queue that it never waits for the
// loop thread, few enough to keep memory close to the read cap.
constexpr qint64 FileWriteWindow = qint64(1) * 1024 * 1024;

// pwrite() to a file in append mode writes at its end, whatever the
// offset (pwrite(2), BUGS), so such a file is written like any device.
bool writableAtOffsets(const QFileDevice *file)
{
    return file && !file->isSequential() && file->handle() >= 0
        && !(file->openMode() & QIODevice::Append);
}

} // namespace

StreamDownload::StreamDownload(QVirtStreamTransferPrivate &transfer)
    : TransferJob(transfer)
{ }

StreamDownload::~StreamDownload() = default;

void StreamDownload::start()
{
    QVirtStreamTransfer *q = t.q;
    auto *file = qobject_cast<QFileDevice *>(t.device.data());
    if (writableAtOffsets(file)) {
        // What QFile buffered goes first; from here on, the writer owns the
        // file until the transfer ends.
        if (!file->flush()) {
            t.fail(
                QVirtStreamTransfer::tr("Cannot write to the file: %1").arg(file->errorString()));
            return;
        }
        m_file = file;
        m_writer = std::make_unique<FileWriter>(
            file->handle(), file->pos(), file->size(), [this](FileWriter::Progress written) {
                if (t.finished)
                    return;
                t.transferred += written.data + written.holes;
                t.holes += written.holes;
                QVirtStreamPrivate::get(t.stream)->readBuffer.recycle(
                    m_writer->takeWrittenBuffer());
                if (!m_writer->errorString().isEmpty()) {
                    t.fail(QVirtStreamTransfer::tr("Cannot write to the file: %1")
                               .arg(m_writer->errorString()));
                    return;
                }
                const QPointer<QVirtStreamTransfer> guard(t.q);
                t.reportProgress();
                if (guard)
                    pump();
            });
    }

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
    if (m_writer)
        pumpToFile();
    else
        pumpToDevice();
}

void StreamDownload::pumpToFile()
{
    QVirtStreamPrivate *stream = QVirtStreamPrivate::get(t.stream);
    while (m_writer->backlog() < FileWriteWindow) {
        if (const qint64 hole = stream->readBuffer.takeFrontHole()) {
            m_writer->skip(hole);
            continue;
        }
        QByteArray chunk = stream->readBuffer.takeFrontData();
        if (chunk.isEmpty())
            break;
        m_writer->write(std::move(chunk));
    }
    // Room in the read buffer again: let the stream ask libvirt for more.
    stream->updateEvents();
    // Progress is reported as the writer gets the data to the file.
    completeIfDone();
}

void StreamDownload::pumpToDevice()
{
    QVirtStreamPrivate *stream = QVirtStreamPrivate::get(t.stream);
    bool moved = false;
    while (t.device->bytesToWrite() < DeviceWriteWindow) {
        if (const qint64 hole = stream->readBuffer.takeFrontHole()) {
            if (!writeZeros(hole))
                return;
            t.holes += hole;
            t.transferred += hole;
            moved = true;
            continue;
        }
        const QByteArrayView data = stream->readBuffer.frontData();
        if (data.isEmpty())
            break;
        if (t.device->write(data.data(), data.size()) != data.size()) {
            t.fail(QVirtStreamTransfer::tr("Cannot write to the device: %1")
                       .arg(t.device->errorString()));
            return;
        }
        stream->readBuffer.consume(data.size());
        t.transferred += data.size();
        moved = true;
    }
    stream->updateEvents();
    if (moved) {
        const QPointer<QVirtStreamTransfer> guard(t.q);
        t.reportProgress();
        if (!guard)
            return;
    }
    completeIfDone();
}

bool StreamDownload::writeZeros(qint64 length)
{
    const QByteArray zeros(std::min(length, StreamMessagePayloadMax), '\0');
    while (length > 0) {
        const qint64 step = std::min<qint64>(length, zeros.size());
        if (t.device->write(zeros.constData(), step) != step) {
            t.fail(QVirtStreamTransfer::tr("Cannot write to the device: %1")
                       .arg(t.device->errorString()));
            return false;
        }
        length -= step;
    }
    return true;
}

void StreamDownload::completeIfDone()
{
    if (t.finished || !t.stream->isFinished()
        || !QVirtStreamPrivate::get(t.stream)->readBuffer.isEmpty())
        return;
    if (m_writer && !m_writer->isIdle())
        return;
    complete();
}

void StreamDownload::complete()
{
    if (m_file) {
        // The writer wrote beside QFile; its position moves past all of it,
        // and a hole at the end, only stepped over, still counts.
        const qint64 end = m_writer->endOffset();
        if (m_file->size() < end && !m_file->resize(end)) {
            t.fail(
                QVirtStreamTransfer::tr("Cannot extend the file: %1").arg(m_file->errorString()));
            return;
        }
        if (!m_file->seek(end)) {
            t.fail(
                QVirtStreamTransfer::tr("Cannot seek in the file: %1").arg(m_file->errorString()));
            return;
        }
    }
    t.succeed();
}
