// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domainaction.h"

#include <QtCore/QCoreApplication>

QFuture<void> launchDomainAction(QVirtConnection *connection, QVirtDomainModel::Action action,
                                 const QVirtDomainRef &domain)
{
    switch (action) {
    case QVirtDomainModel::Start:
        return connection->startDomain(domain);
    case QVirtDomainModel::Shutdown:
        return connection->shutdownDomain(domain);
    case QVirtDomainModel::Reboot:
        return connection->rebootDomain(domain);
    case QVirtDomainModel::Destroy:
        return connection->destroyDomain(domain);
    case QVirtDomainModel::Suspend:
        return connection->suspendDomain(domain);
    case QVirtDomainModel::Resume:
        return connection->resumeDomain(domain);
    }
    Q_UNREACHABLE();
}

QString domainActionError(const QFuture<void> &future)
{
    try {
        QFuture<void>(future).waitForFinished(); // rethrows the operation's QVirtError
        if (future.isCanceled())
            return QCoreApplication::translate("QVirtDomainModel", "the operation was canceled");
    } catch (const QVirtError &failure) {
        return failure.message();
    }
    return QString();
}
