// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection::downloadVolume() and uploadVolume(): the caller gets a
// QVirtStreamTransfer at once, already started but without its stream.
// The lookup of the pool and the volume and virStorageVolDownload() (or
// Upload), round trips to the daemon, run in a pool thread on a
// PendingStream; back in the connection's thread the transfer receives the
// stream and begins, or fails with libvirt's message. Until then the
// transfer does not touch the stream, which the pool call is using: a
// cancel() only marks the transfer failed, and the stream goes with the
// PendingStream.

#include "connection/pendingstream.h"
#include "connection/pooloperation.h"
#include "connection/storagehandles.h"
#include "stream/qvirtstreamtransfer_p.h"

#include <QtVirt/qvirtstreamtransfer.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <memory>
#include <optional>

using PoolOperation::PendingOperation;

namespace {

using Direction = QVirtStreamTransfer::Direction;

// Fails transfer from the event loop, after the caller has had the chance
// to connect to its signals.
void failLater(QVirtStreamTransfer *transfer, const QString &message)
{
    QTimer::singleShot(0, transfer, [transfer, message] {
        QVirtStreamTransferPrivate::get(transfer)->fail(QVirtStreamTransfer::StartError, message);
    });
}

QString failureText(Direction direction, const QString &pool, const QString &volume,
                    const QString &reason)
{
    return (direction == QVirtStreamTransfer::Download
                ? QCoreApplication::translate("QVirtConnection",
                                              "cannot download volume %1 of pool %2: %3")
                : QCoreApplication::translate("QVirtConnection",
                                              "cannot upload volume %1 of pool %2: %3"))
        .arg(volume, pool, reason);
}

// In a pool thread: starts libvirt's side of the transfer on stream.
void startVolumeStream(virConnectPtr conn, virStreamPtr stream, Direction direction,
                       const QString &poolName, const QString &volumeName, bool sparse)
{
    if (!stream) {
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtConnection", "cannot make a stream"));
    }
    const StoragePoolHandle pool = lookUpStoragePool(conn, poolName);
    const StorageVolumeHandle volume = lookUpStorageVolume(pool.get(), volumeName);
    const int result = direction == QVirtStreamTransfer::Download
        ? virStorageVolDownload(volume.get(), stream, 0, 0,
                                sparse ? unsigned(VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM) : 0U)
        : virStorageVolUpload(volume.get(), stream, 0, 0,
                              sparse ? unsigned(VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM) : 0U);
    if (result < 0) {
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtConnection", "the operation failed"));
    }
}

QVirtStreamTransfer *transferVolume(QVirtConnectionPrivate *d, Direction direction,
                                    const QString &pool, const QString &volume, QIODevice *device,
                                    bool sparse)
{
    auto *transfer = new QVirtStreamTransfer(nullptr, device, direction);
    transfer->setSparse(sparse);
    QVirtStreamTransferPrivate *const td = QVirtStreamTransferPrivate::get(transfer);
    // Started already: a start() of the caller must not begin without the
    // stream.
    td->started = true;
    if (!d->conn) {
        failLater(transfer,
                  failureText(direction, pool, volume,
                              QCoreApplication::translate("QVirtConnection",
                                                          "the connection is not open")));
        return transfer;
    }
    const std::shared_ptr<PendingStream> pending = PendingStream::make(d->conn.get());
    const QPointer<QVirtStreamTransfer> target(transfer);
    // The call's failure is its result rather than the future's, so that
    // the completion handles both; the future only tracks the operation.
    PoolOperation::runOnPool<void>(
        d,
        [pending, direction, pool, volume,
         sparse](virConnectPtr conn) -> std::optional<QVirtError> {
            try {
                startVolumeStream(conn, pending->raw(), direction, pool, volume, sparse);
            } catch (const QVirtError &error) {
                return error;
            }
            return std::nullopt;
        },
        [pending, target, direction, pool, volume](PendingOperation<void> *operation,
                                                   const std::optional<QVirtError> &failure) {
            // The operation ends first: a slot of the transfer's signals
            // may destroy the connection, and the operation with it.
            operation->succeed();
            // The transfer may be gone, or canceled: the stream then goes
            // with the PendingStream, which aborts it.
            if (!target || QVirtStreamTransferPrivate::get(target)->finished)
                return;
            QVirtStreamTransferPrivate *const state = QVirtStreamTransferPrivate::get(target);
            if (failure) {
                state->fail(QVirtStreamTransfer::StartError,
                            failureText(direction, pool, volume, failure->message()));
            } else {
                state->stream = pending->take();
                state->stream->setParent(target);
                state->begin();
            }
        },
        [transfer, direction, pool, volume](PendingOperation<void> *operation) {
            // Destroying the connection ends the operation without its
            // completion: the transfer fails, from the event loop rather
            // than inside the connection's destructor.
            QObject::connect(
                operation, &QObject::destroyed, transfer,
                [transfer, direction, pool, volume] {
                    QVirtStreamTransferPrivate *const state
                        = QVirtStreamTransferPrivate::get(transfer);
                    if (!state->finished && !state->stream) {
                        state->fail(QVirtStreamTransfer::StartError,
                                    failureText(direction, pool, volume,
                                                QCoreApplication::translate(
                                                    "QVirtConnection",
                                                    "the connection was destroyed first")));
                    }
                },
                Qt::QueuedConnection);
        });
    return transfer;
}

} // namespace

QVirtStreamTransfer *QVirtConnection::downloadVolume(const QString &pool, const QString &volume,
                                                     QIODevice *target, bool sparse)
{
    return transferVolume(d.get(), QVirtStreamTransfer::Download, pool, volume, target, sparse);
}

QVirtStreamTransfer *QVirtConnection::uploadVolume(const QString &pool, const QString &volume,
                                                   QIODevice *source, bool sparse)
{
    return transferVolume(d.get(), QVirtStreamTransfer::Upload, pool, volume, source, sparse);
}
