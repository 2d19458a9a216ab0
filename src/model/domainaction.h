// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_DOMAINACTION_H
#define QTVIRT_MODEL_DOMAINACTION_H

#include <QtVirt/qvirtconnection.h>
#include <QtVirt/qvirtdomainmodel.h>

// Starts one of QVirtDomainModel's actions on domain, in a worker thread;
// the future fails with a QVirtError as QVirtConnection's operations do.
QFuture<void> launchDomainAction(QVirtConnection *connection, QVirtDomainModel::Action action,
                                 const QVirtDomainRef &domain);

// The translated message of a finished action's failure, naming the domain
// beside libvirt's words, or an empty string when it succeeded.
QString domainActionError(QVirtDomainModel::Action action, const QString &name,
                          const QFuture<void> &future);

#endif // QTVIRT_MODEL_DOMAINACTION_H
