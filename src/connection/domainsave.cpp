// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection's save, restore and managed save, with the save's
// progress, and abortDomainJob(), on the machinery of
// connection/pooloperation.h.

#include "connection/jobprogress.h"
#include "connection/pooloperation.h"

#include <QtCore/QCoreApplication>

namespace {

using PoolOperation::PendingOperation;

// A save of the domain by call(dom): while the call runs in its pool
// thread, a JobProgressPoller sets the future's progress (0 to 100), which
// reaches 100 when the save succeeds.
template<typename Call>
QFuture<void> runSave(QVirtConnectionPrivate *d, const QVirtDomainRef &domain, Call call)
{
    return PoolOperation::runOnDomain<void>(
        d, domain,
        [call](virDomainPtr dom) {
            if (call(dom) < 0) {
                throw QVirtError::fromLastError(
                    QCoreApplication::translate("QVirtConnection", "cannot save the domain"));
            }
        },
        [](PendingOperation<void> *operation) {
            operation->setProgressValue(100);
            operation->succeed();
        },
        [d, domain](PendingOperation<void> *operation) {
            operation->setProgressRange(0, 100);
            operation->setProgressValue(0);
            new JobProgressPoller(
                d, domain, [operation](int percent) { operation->setProgressValue(percent); },
                operation);
        });
}

} // namespace

QFuture<void> QVirtConnection::saveDomain(const QVirtDomainRef &domain, const QString &path,
                                          SaveFlags flags)
{
    return runSave(d.get(), domain,
                   [path = path.toUtf8(), flags = flags.toInt()](virDomainPtr dom) {
                       return virDomainSaveFlags(dom, path.constData(), nullptr, flags);
                   });
}

QFuture<void> QVirtConnection::managedSaveDomain(const QVirtDomainRef &domain, SaveFlags flags)
{
    return runSave(d.get(), domain, [flags = flags.toInt()](virDomainPtr dom) {
        return virDomainManagedSave(dom, flags);
    });
}

QFuture<void> QVirtConnection::restoreDomain(const QString &path, SaveFlags flags)
{
    return PoolOperation::runOnPool<void>(
        d.get(), [path = path.toUtf8(), flags = flags.toInt()](virConnectPtr conn) {
            if (virDomainRestoreFlags(conn, path.constData(), nullptr, flags) < 0) {
                throw QVirtError::fromLastError(
                    QCoreApplication::translate("QVirtConnection", "cannot restore the domain"));
            }
        });
}

QFuture<void> QVirtConnection::abortDomainJob(const QVirtDomainRef &domain)
{
    return PoolOperation::runOnDomain<void>(d.get(), domain, [](virDomainPtr dom) {
        if (virDomainAbortJob(dom) < 0) {
            throw QVirtError::fromLastError(
                QCoreApplication::translate("QVirtConnection", "cannot abort the domain's job"));
        }
    });
}
