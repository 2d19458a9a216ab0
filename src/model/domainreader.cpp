// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domainreader.h"

#include "common/logging.h"

#include <libvirt/virterror.h>

#include <cstdlib>
#include <memory>

namespace {

struct DomainReleaser
{
    void operator()(virDomainPtr dom) const { virDomainFree(dom); }
};
using Domain = std::unique_ptr<virDomain, DomainReleaser>;

} // namespace

namespace DomainReader {

std::optional<DomainEntry> read(virDomainPtr dom)
{
    virDomainInfo info;
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    if (virDomainGetInfo(dom, &info) < 0 || virDomainGetUUIDString(dom, uuid) < 0)
        return std::nullopt;
    const int persistent = virDomainIsPersistent(dom);
    int autostart = 0;
    // A transient domain has no autostart flag; libvirt reports an error.
    if (persistent == 1 && virDomainGetAutostart(dom, &autostart) < 0)
        autostart = 0;
    const unsigned int id = virDomainGetID(dom);

    DomainEntry entry;
    entry.name = QString::fromUtf8(virDomainGetName(dom));
    entry.uuid = QUuid::fromString(QLatin1String(uuid));
    entry.id = id == static_cast<unsigned int>(-1) ? -1 : static_cast<int>(id);
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
    const Domain dom(virDomainLookupByUUIDString(conn, text.constData()));
    if (!dom)
        return std::nullopt;
    return read(dom.get());
}

std::optional<QList<DomainEntry>> readAll(virConnectPtr conn)
{
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(conn, &domains, 0);
    if (count < 0) {
        qCInfo(lcQtVirtModel, "cannot list domains: %s", virGetLastErrorMessage());
        return std::nullopt;
    }
    QList<DomainEntry> entries;
    entries.reserve(count);
    for (int i = 0; i < count; ++i) {
        const Domain dom(domains[i]);
        // One that vanished between the listing and the read is left out;
        // its Undefined event is on the way.
        if (const std::optional<DomainEntry> entry = read(dom.get()))
            entries.append(*entry);
    }
    std::free(domains);
    return entries;
}

} // namespace DomainReader
