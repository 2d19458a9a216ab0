// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_DOMAINREBOOT_H
#define QTVIRT_MODEL_DOMAINREBOOT_H

#include <QtVirt/QVirtConnection>

// virDomainReboot() in modelWorkerPool(), failing with a QVirtError like
// QVirtConnection's own operations, which have no reboot.
QFuture<void> rebootDomain(QVirtConnection *connection, const QVirtDomainRef &domain);

#endif // QTVIRT_MODEL_DOMAINREBOOT_H
