// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_QVIRTSTREAMTRANSFER_P_H
#define QTVIRT_STREAM_QVIRTSTREAMTRANSFER_P_H

#include <QtVirt/qvirtstreamtransfer.h>

#include <QtCore/QPointer>

class QVirtStream;
class TransferJob;

class QVirtStreamTransferPrivate
{
public:
    QVirtStreamTransferPrivate(QVirtStreamTransfer *owner, QVirtStream *source, QIODevice *target,
                               QVirtStreamTransfer::Direction way);
    ~QVirtStreamTransferPrivate();

    static QVirtStreamTransferPrivate *get(QVirtStreamTransfer *transfer)
    {
        return transfer->d.get();
    }

    // What start() does once it has marked the transfer started. A
    // transfer whose stream is not ready yet (a volume download whose
    // libvirt call still runs) is marked started, with no stream, so that
    // start() does nothing, and begins once the stream is set.
    void begin();

    // False when a slot deleted the transfer: the caller must return at
    // once.
    bool reportProgress();
    // Both emit finished(); the caller returns at once, since a slot may
    // have deleted the transfer.
    void succeed();
    void fail(QVirtStreamTransfer::Error failure, const QString &message);
    // The error for a device that fails or goes away: it was being read
    // (Upload) or written (Download).
    QVirtStreamTransfer::Error deviceError() const;
    // False once a slot deleted the stream or the device: the job must not
    // touch them, and the failure follows from the event loop.
    bool intact() const { return stream && device; }

    QVirtStreamTransfer *const q;
    QPointer<QVirtStream> stream;
    const QPointer<QIODevice> device;
    const QVirtStreamTransfer::Direction direction;
    bool sparse = false;
    bool started = false;
    bool finished = false;
    qint64 transferred = 0;
    qint64 holes = 0;
    qint64 total = -1;
    QVirtStreamTransfer::Error error = QVirtStreamTransfer::NoError;
    QString errorString;
    std::unique_ptr<TransferJob> job;
};

#endif // QTVIRT_STREAM_QVIRTSTREAMTRANSFER_P_H
