// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_DOMAINREADER_H
#define QTVIRT_MODEL_DOMAINREADER_H

#include "model/domainentry.h"

#include <QtCore/QList>

#include <optional>

// The blocking libvirt reads behind QVirtDomainModel. Each is several RPCs, so
// they run in modelWorkerPool(), never in the GUI thread.
namespace DomainReader {

// Everything DomainEntry holds; nullopt when the domain vanished meanwhile.
std::optional<DomainEntry> read(virDomainPtr dom);

// The same for the domain with this UUID; nullopt when there is none.
std::optional<DomainEntry> readByUuid(virConnectPtr conn, const QUuid &uuid);

// Every domain of the connection; nullopt when listing fails.
std::optional<QList<DomainEntry>> readAll(virConnectPtr conn);

} // namespace DomainReader

#endif // QTVIRT_MODEL_DOMAINREADER_H
