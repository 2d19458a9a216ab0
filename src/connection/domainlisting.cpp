// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The domains of a connection with a few whole-connection calls rather than
// a round trip per domain, which a listing of thousands of domains over a
// remote link cannot afford. QVirtConnection::listDomains() and
// QVirtDomainModel's listing both rest on it:
// - virConnectGetAllDomainStats() gives every domain with its state,
//   memory (balloon), vCPUs and CPU time (listDomainStatesOf());
// - two virConnectListAllDomains() calls, filtered to the transient and
//   to the autostarted domains, give the persistent and autostart flags,
//   which no statistics group carries (readDomainFlags()). The model shows
//   its rows after the first call and fills in the flags when these two
//   answer. Transient rather than persistent: usually few or none, where
//   the persistent ones are usually all, and every domain a listing
//   returns costs a libvirt object on both sides of the link (and its UUID
//   formatted for the debug log three times, docs/libvirt-calls.md).
// Name, UUID and id come with each virDomainPtr and cost no round trip.
//
// One call per domain remains where a driver's statistics lack a field: a
// virDomainGetInfo() for that domain (completeListedDomain()), which the
// model makes after showing the rest. The test driver reports only the state
// group, so every domain costs one there; QEMU reports all of them, and the
// CPU time of a domain that does not run is 0 without asking.
//
// A driver without virConnectGetAllDomainStats() is listed with
// virConnectListAllDomains() and a virDomainGetState() per domain instead;
// everything else is then read by completeListedDomain().

#include "connection/domainlisting.h"

#include "connection/domainhandle.h"
#include "connection/domainref.h"
#include "connection/libvirtallocations.h"
#include "connection/qvirtdomaininfo_p.h"
#include "connection/typedparameters.h"

#include <QtVirt/qvirterror.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QSet>

#include <libvirt/virterror.h>

#include <memory>
#include <optional>

namespace {

QVirtError listingError()
{
    return QVirtError::fromLastError(
        QCoreApplication::translate("QVirtConnection", "cannot list the domains"));
}

std::vector<DomainHandle> allDomains(virConnectPtr conn, unsigned int filter)
{
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(conn, &domains, filter);
    if (count < 0)
        throw listingError();
    return adoptLibvirtArray<DomainHandle>(domains, count);
}

// The UUIDs of the domains that pass filter (VIR_CONNECT_LIST_DOMAINS_*).
QSet<QUuid> uuidsMatching(virConnectPtr conn, unsigned int filter)
{
    QSet<QUuid> uuids;
    for (const DomainHandle &dom : allDomains(conn, filter))
        uuids.insert(domainUuidOf(dom.get()));
    return uuids;
}

// One domain from its statistics record (none from a driver without
// statistics); nullopt when the domain vanished before its state could be
// asked for.
std::optional<ListedDomain> listedFrom(virDomainPtr dom, const virDomainStatsRecord *record)
{
    ListedDomain listed;
    const QVirtDomainRef ref = domainRefOf(dom);
    listed.name = ref.name();
    listed.uuid = ref.uuid();
    listed.id = ref.id();

    const auto state = intStat(record, "state.state");
    const auto reason = intStat(record, "state.reason");
    if (state && reason) {
        listed.state = *state;
        listed.stateReason = *reason;
    } else if (virDomainGetState(dom, &listed.state, &listed.stateReason, 0) < 0) {
        if (virGetLastErrorCode() == VIR_ERR_NO_DOMAIN)
            return std::nullopt; // undefined since the listing
        throw listingError();
    }

    const auto maxMemory = ullongStat(record, "balloon.maximum");
    const auto memory = ullongStat(record, "balloon.current");
    const auto vcpus = uintStat(record, "vcpu.current");
    // A domain that does not run has used nothing, as virDomainGetInfo()
    // says; QEMU's statistics still carry the CPU time of its last run.
    const auto cpuTime
        = listed.id == -1 ? std::optional<unsigned long long>(0) : ullongStat(record, "cpu.time");
    listed.maxMemory = maxMemory.value_or(0);
    listed.memory = memory.value_or(0);
    listed.vcpus = vcpus.value_or(0);
    listed.cpuTime = cpuTime.value_or(0);
    if (!maxMemory || !memory || !vcpus || !cpuTime)
        listed.incomplete = dom;
    return listed;
}

QVirtDomainInfo infoOf(const ListedDomain &listed)
{
    auto *data = new QVirtDomainInfoData;
    QVirtDomainInfo info = QVirtDomainInfoData::wrap(data);
    data->name = listed.name;
    data->uuid = listed.uuid;
    data->id = listed.id;
    data->state = static_cast<QVirtDomainInfo::State>(listed.state);
    data->stateReason = listed.stateReason;
    data->persistent = listed.persistent;
    data->autostart = listed.autostart;
    data->maxMemory = listed.maxMemory;
    data->memory = listed.memory;
    data->vcpus = static_cast<int>(listed.vcpus);
    data->cpuTime = listed.cpuTime;
    return info;
}

} // namespace

DomainListing listDomainStatesOf(virConnectPtr conn)
{
    DomainListing listing;
    virDomainStatsRecordPtr *raw = nullptr;
    const unsigned int groups = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL
        | VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU;
    const int count = virConnectGetAllDomainStats(conn, groups, &raw, 0);
    if (count >= 0) {
        listing.handles.reset(raw, [](void *records) {
            virDomainStatsRecordListFree(static_cast<virDomainStatsRecordPtr *>(records));
        });
        listing.domains.reserve(count);
        for (int i = 0; i < count; ++i) {
            if (std::optional<ListedDomain> listed = listedFrom(raw[i]->dom, raw[i]))
                listing.domains.push_back(*std::move(listed));
        }
    } else if (virGetLastErrorCode() == VIR_ERR_NO_SUPPORT) {
        auto domains = std::make_shared<std::vector<DomainHandle>>(allDomains(conn, 0));
        listing.handles = domains;
        listing.domains.reserve(domains->size());
        for (const DomainHandle &dom : *domains) {
            if (std::optional<ListedDomain> listed = listedFrom(dom.get(), nullptr))
                listing.domains.push_back(*std::move(listed));
        }
    } else {
        throw listingError();
    }
    return listing;
}

DomainFlags readDomainFlags(virConnectPtr conn)
{
    DomainFlags flags;
    flags.transient = uuidsMatching(conn, VIR_CONNECT_LIST_DOMAINS_TRANSIENT);
    flags.autostart = uuidsMatching(conn, VIR_CONNECT_LIST_DOMAINS_AUTOSTART);
    return flags;
}

void applyDomainFlags(const DomainFlags &flags, ListedDomain &domain)
{
    domain.persistent = flags.isPersistent(domain.uuid);
    domain.autostart = flags.isAutostart(domain.uuid);
}

DomainListing listDomainsOf(virConnectPtr conn)
{
    DomainListing listing = listDomainStatesOf(conn);
    // After the domains: a domain defined in between is missing from the
    // listing rather than listed without its flags.
    const DomainFlags flags = readDomainFlags(conn);
    for (ListedDomain &listed : listing.domains)
        applyDomainFlags(flags, listed);
    return listing;
}

bool completeListedDomain(ListedDomain &domain)
{
    if (!domain.incomplete)
        return true;
    virDomainInfo raw{};
    if (virDomainGetInfo(domain.incomplete, &raw) < 0)
        return false;
    domain.maxMemory = raw.maxMem;
    domain.memory = raw.memory;
    domain.vcpus = raw.nrVirtCpu;
    domain.cpuTime = domain.id == -1 ? 0 : raw.cpuTime;
    return true;
}

QList<QVirtDomainInfo> listDomainInfos(virConnectPtr conn)
{
    DomainListing listing = listDomainsOf(conn);
    QList<QVirtDomainInfo> infos;
    infos.reserve(static_cast<qsizetype>(listing.domains.size()));
    for (ListedDomain &listed : listing.domains) {
        if (completeListedDomain(listed))
            infos.append(infoOf(listed));
        else if (virGetLastErrorCode() != VIR_ERR_NO_DOMAIN)
            throw listingError();
        // else undefined since the listing: left out
    }
    return infos;
}
