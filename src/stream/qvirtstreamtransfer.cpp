// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QtVirt/qvirtstreamtransfer.h>

#include "stream/qvirtstreamtransfer_p.h"
#include "stream/streamdownload.h"
#include "stream/streamupload.h"

#include <QtVirt/qvirtstream.h>

QVirtStreamTransferPrivate::QVirtStreamTransferPrivate(QVirtStreamTransfer *owner,
                                                       QVirtStream *source, QIODevice *target,
                                                       QVirtStreamTransfer::Direction way)
    : q(owner)
    , stream(source)
    , device(target)
    , direction(way)
{ }

QVirtStreamTransferPrivate::~QVirtStreamTransferPrivate() = default;

bool QVirtStreamTransferPrivate::reportProgress()
{
    const QPointer<QVirtStreamTransfer> guard(q);
    Q_EMIT q->progress(transferred, total);
    return !guard.isNull();
}

void QVirtStreamTransferPrivate::succeed()
{
    if (finished)
        return;
    finished = true;
    Q_EMIT q->finished();
}

void QVirtStreamTransferPrivate::fail(QVirtStreamTransfer::Error failure, const QString &message)
{
    if (finished)
        return;
    finished = true;
    error = failure;
    errorString = message;
    if (stream)
        stream->abort();
    const QPointer<QVirtStreamTransfer> guard(q);
    Q_EMIT q->errorOccurred(failure);
    if (guard)
        Q_EMIT q->finished();
}

QVirtStreamTransfer::Error QVirtStreamTransferPrivate::deviceError() const
{
    return direction == QVirtStreamTransfer::Download ? QVirtStreamTransfer::DeviceWriteError
                                                      : QVirtStreamTransfer::DeviceReadError;
}

QVirtStreamTransfer::QVirtStreamTransfer(QVirtStream *stream, QIODevice *device,
                                         Direction direction, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<QVirtStreamTransferPrivate>(this, stream, device, direction))
{ }

QVirtStreamTransfer::~QVirtStreamTransfer() = default;

QVirtStreamTransfer::Direction QVirtStreamTransfer::direction() const
{
    return d->direction;
}

bool QVirtStreamTransfer::isSparse() const
{
    return d->sparse;
}

void QVirtStreamTransfer::setSparse(bool sparse)
{
    d->sparse = sparse;
}

qint64 QVirtStreamTransfer::bytesTransferred() const
{
    return d->transferred;
}

qint64 QVirtStreamTransfer::holeBytes() const
{
    return d->holes;
}

qint64 QVirtStreamTransfer::bytesTotal() const
{
    return d->total;
}

bool QVirtStreamTransfer::isFinished() const
{
    return d->finished;
}

QVirtStreamTransfer::Error QVirtStreamTransfer::error() const
{
    return d->error;
}

QString QVirtStreamTransfer::errorString() const
{
    return d->errorString;
}

void QVirtStreamTransfer::start()
{
    if (d->started)
        return;
    d->started = true;
    d->begin();
}

void QVirtStreamTransferPrivate::begin()
{
    if (!stream || !device) {
        fail(QVirtStreamTransfer::StartError,
             QVirtStreamTransfer::tr("The transfer needs a stream and a device"));
        return;
    }
    const bool download = direction == QVirtStreamTransfer::Download;
    const QIODevice::OpenMode deviceMode = download ? QIODevice::WriteOnly : QIODevice::ReadOnly;
    if (!(device->openMode() & deviceMode)) {
        fail(QVirtStreamTransfer::StartError,
             download ? QVirtStreamTransfer::tr("The device is not open for writing")
                      : QVirtStreamTransfer::tr("The device is not open for reading"));
        return;
    }
    if (download)
        stream->setSparse(sparse);
    if (!stream->isOpen() && !stream->open(download ? QIODevice::ReadOnly : QIODevice::WriteOnly)) {
        fail(QVirtStreamTransfer::StreamError, stream->errorString());
        return;
    }
    // Either may be deleted mid-transfer, a socket whose peer went away
    // typically with deleteLater(). The failure is reported from the event
    // loop: the code that deleted it may not expect the slots of
    // errorOccurred() and finished() to run inside the destructor.
    QObject::connect(
        stream, &QObject::destroyed, q,
        [this] {
            fail(QVirtStreamTransfer::StreamError,
                 QVirtStreamTransfer::tr("The stream was deleted during the transfer"));
        },
        Qt::QueuedConnection);
    QObject::connect(
        device, &QObject::destroyed, q,
        [this] {
            if (job->needsDevice())
                fail(deviceError(),
                     QVirtStreamTransfer::tr("The device was deleted during the transfer"));
        },
        Qt::QueuedConnection);
    if (download)
        job = std::make_unique<StreamDownload>(*this);
    else
        job = std::make_unique<StreamUpload>(*this);
    job->start();
}

void QVirtStreamTransfer::cancel()
{
    if (d->started)
        d->fail(CanceledError, tr("The transfer was cancelled"));
}
