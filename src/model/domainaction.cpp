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

QString domainActionError(QVirtDomainModel::Action action, const QString &name,
                          const QFuture<void> &future)
{
    QString reason;
    try {
        QFuture<void>(future).waitForFinished(); // rethrows the operation's QVirtError
        if (!future.isCanceled())
            return QString();
        reason = QCoreApplication::translate("QVirtDomainModel", "the operation was canceled");
    } catch (const QVirtError &failure) {
        reason = failure.message();
    }
    // One whole sentence per action, so that translators can order the
    // words as their language needs.
    switch (action) {
    case QVirtDomainModel::Start:
        return QCoreApplication::translate("QVirtDomainModel", "Cannot start %1: %2")
            .arg(name, reason);
    case QVirtDomainModel::Shutdown:
        return QCoreApplication::translate("QVirtDomainModel", "Cannot shut down %1: %2")
            .arg(name, reason);
    case QVirtDomainModel::Reboot:
        return QCoreApplication::translate("QVirtDomainModel", "Cannot reboot %1: %2")
            .arg(name, reason);
    case QVirtDomainModel::Destroy:
        return QCoreApplication::translate("QVirtDomainModel", "Cannot force off %1: %2")
            .arg(name, reason);
    case QVirtDomainModel::Suspend:
        return QCoreApplication::translate("QVirtDomainModel", "Cannot pause %1: %2")
            .arg(name, reason);
    case QVirtDomainModel::Resume:
        return QCoreApplication::translate("QVirtDomainModel", "Cannot resume %1: %2")
            .arg(name, reason);
    }
    Q_UNREACHABLE();
}
