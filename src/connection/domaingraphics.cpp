// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection::openDomainGraphicsFd(): the daemon connects a socket to
// the domain's graphics server and passes the other end back over the
// connection's socket. A round trip, so it runs in a pool thread; the
// descriptor is closed if nobody is left to take it.

#include "common/ownedfd.h"
#include "connection/pooloperation.h"

#include <QtCore/QCoreApplication>

using PoolOperation::PendingOperation;

QFuture<int> QVirtConnection::openDomainGraphicsFd(const QVirtDomainRef &domain, unsigned int index,
                                                   GraphicsFlags flags)
{
    return PoolOperation::runOnDomain<int>(
        d.get(), domain,
        [index, flags = flags.toInt()](virDomainPtr dom) {
            const int fd = virDomainOpenGraphicsFD(dom, index, flags);
            if (fd < 0) {
                throw QVirtError::fromLastError(QCoreApplication::translate(
                    "QVirtConnection", "cannot connect to the graphics of the domain"));
            }
            return OwnedFd(fd);
        },
        [](PendingOperation<int> *operation, OwnedFd fd) {
            if (operation->isCanceled()) {
                operation->succeed();
                return;
            }
            operation->succeed(fd.release());
        });
}
