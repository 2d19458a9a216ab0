// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domainreboot.h"

#include "connection/connectionhandle.h"
#include "model/modelworkerpool.h"
#include "model/pooledcall.h"

#include <QtCore/QCoreApplication>

QFuture<void> rebootDomain(QVirtConnection *connection, const QVirtDomainRef &domain)
{
    const ConnectionHandle conn = shareConnection(connection->handle());
    return runPooled(modelWorkerPool(), [conn, domain] {
        if (!conn) {
            throw QVirtError(
                QCoreApplication::translate("QVirtDomainModel", "the connection is not open"));
        }
        const QByteArray uuid = domain.uuid().toByteArray(QUuid::WithoutBraces);
        virDomainPtr dom = virDomainLookupByUUIDString(conn.get(), uuid.constData());
        if (!dom) {
            throw QVirtError::fromLastError(
                QCoreApplication::translate("QVirtDomainModel", "no domain %1").arg(domain.name()));
        }
        const int result = virDomainReboot(dom, 0);
        // Before virDomainFree(), which resets the thread's last error.
        const QVirtError error = QVirtError::fromLastError(
            QCoreApplication::translate("QVirtDomainModel", "cannot reboot %1").arg(domain.name()));
        virDomainFree(dom);
        if (result < 0)
            throw error;
    });
}
