// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection::openDomainConsole(): virDomainOpenConsole() is a round
// trip to the daemon, so it runs in a pool thread like every domain
// operation; the QVirtStream it starts is made before and opened after, in
// the connection's thread, where libvirt's event loop runs.

#include "connection/pendingstream.h"
#include "connection/pooloperation.h"

#include <QtCore/QCoreApplication>

using PoolOperation::PendingOperation;

QFuture<QVirtStream *> QVirtConnection::openDomainConsole(const QVirtDomainRef &domain,
                                                          const QString &device, ConsoleFlags flags)
{
    if (!domain.isValid())
        return PoolOperation::invalidDomain<QVirtStream *>();
    if (!d->conn)
        return PoolOperation::notOpen<QVirtStream *>();
    const std::shared_ptr<PendingStream> pending = PendingStream::make(d->conn.get());
    return PoolOperation::runOnDomain<QVirtStream *>(
        d.get(), domain,
        [pending, device = device.toUtf8(), flags = flags.toInt()](virDomainPtr dom) {
            if (!pending->raw()
                || virDomainOpenConsole(dom, device.isEmpty() ? nullptr : device.constData(),
                                        pending->raw(), flags)
                    < 0) {
                throw QVirtError::fromLastError(
                    QCoreApplication::translate("QVirtConnection", "cannot open the console"));
            }
        },
        [pending](PendingOperation<QVirtStream *> *operation) {
            // Nobody takes the stream: PendingStream deletes it, which
            // gives the console back.
            if (operation->isCanceled()) {
                operation->succeed();
                return;
            }
            QVirtStream *stream = pending->take();
            if (!stream->open(QIODevice::ReadWrite)) {
                const QVirtError error(stream->errorString());
                delete stream;
                operation->fail(error);
                return;
            }
            operation->succeed(stream);
        });
}
