// SPDX-License-Identifier: LGPL-2.1-or-later
#include "domainreader.h"

#include "qmllogging.h"

#include "connection/domainhandle.h"
#include "connection/domainref.h"

#include <libvirt/virterror.h>

#include <cstdlib>

namespace DomainReader {

std::optional<DomainEntry> read(virDomainPtr dom)
{
    virDomainInfo info;
    // Fails for a domain that vanished, and for a handle that is no
    // domain's: the only case in which its name, UUID and id are unknown.
    if (virDomainGetInfo(dom, &info) < 0)
        return std::nullopt;
    const int persistent = virDomainIsPersistent(dom);
    int autostart = 0;
    // A transient domain has no autostart flag; libvirt reports an error.
    if (persistent == 1 && virDomainGetAutostart(dom, &autostart) < 0)
        autostart = 0;
    const QVirtDomainRef ref = domainRefOf(dom);

    DomainEntry entry;
    entry.name = ref.name();
    entry.uuid = ref.uuid();
    entry.id = ref.id();
    entry.state = info.state;
    entry.persistent = persistent == 1;
    entry.autostart = autostart != 0;
    entry.memoryKiB = info.memory;
    entry.vcpus = info.nrVirtCpu;
    return entry;
}

std::optional<DomainEntry> readByUuid(virConnectPtr conn, const QUuid &uuid)
{
    const QByteArray text = uuid.toByteArray(QUuid::WithoutBraces);
    const DomainHandle dom(virDomainLookupByUUIDString(conn, text.constData()));
    if (!dom)
        return std::nullopt;
    return read(dom.get());
}

std::optional<QList<DomainEntry>> readAll(virConnectPtr conn)
{
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(conn, &domains, 0);
    if (count < 0) {
        qCInfo(lcQtVirtQml, "cannot list domains: %s", virGetLastErrorMessage());
        return std::nullopt;
    }
    QList<DomainEntry> entries;
    entries.reserve(count);
    for (int i = 0; i < count; ++i) {
        const DomainHandle dom(domains[i]);
        // One that vanished between the listing and the read is left out;
        // its Undefined event is on the way.
        if (const std::optional<DomainEntry> entry = read(dom.get()))
            entries.append(*entry);
    }
    std::free(domains);
    return entries;
}

} // namespace DomainReader
