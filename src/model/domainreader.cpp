// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domainreader.h"

#include "common/logging.h"
#include "connection/domainhandle.h"
#include "connection/domainref.h"

#include <QtCore/QThreadPool>

#include <libvirt/virterror.h>

#include <cstdlib>
#include <vector>

namespace {

using Domain = DomainHandle;

// Takes over an array virConnectListAllDomains() returned.
std::vector<Domain> adoptAll(virDomainPtr *domains, int count)
{
    std::vector<Domain> result;
    result.reserve(count > 0 ? count : 0);
    for (int i = 0; i < count; ++i)
        result.emplace_back(domains[i]);
    std::free(domains);
    return result;
}

QUuid uuidOf(virDomainPtr dom)
{
    // Held by the domain object: no round trip.
    unsigned char raw[VIR_UUID_BUFLEN] = {};
    virDomainGetUUID(dom, raw);
    return QUuid::fromRfc4122(QByteArrayView(raw, VIR_UUID_BUFLEN));
}

// The UUIDs of the domains one virConnectListAllDomains() call with flags
// returns; nullopt when it fails.
std::optional<QSet<QUuid>> uuidsOf(virConnectPtr conn, unsigned int flags)
{
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(conn, &domains, flags);
    if (count < 0)
        return std::nullopt;
    QSet<QUuid> uuids;
    uuids.reserve(count);
    for (const Domain &dom : adoptAll(domains, count))
        uuids.insert(uuidOf(dom.get()));
    return uuids;
}

// Every domain with its own round trips: for drivers without
// virConnectGetAllDomainStats().
void readEach(virConnectPtr conn, QPromise<DomainReader::ListingStep> &promise)
{
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(conn, &domains, 0);
    if (count < 0) {
        qCInfo(lcQtVirtModel, "cannot list domains: %s", virGetLastErrorMessage());
        return;
    }
    DomainReader::ListingStep step;
    step.entries.reserve(count);
    for (const Domain &dom : adoptAll(domains, count)) {
        // One that vanished between the listing and the read is left out;
        // its Undefined event is on the way.
        if (const std::optional<DomainEntry> entry = DomainReader::read(dom.get()))
            step.entries.append(*entry);
    }
    promise.addResult(std::move(step));
}

// The whole-connection calls of DomainReader::listAll(); adds the Listed
// step and returns the domains it lacks memory or vCPUs of.
std::vector<Domain> listWhole(virConnectPtr conn, QPromise<DomainReader::ListingStep> &promise)
{
    virDomainStatsRecordPtr *records = nullptr;
    const unsigned int groups
        = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU;
    const int count = virConnectGetAllDomainStats(conn, groups, &records, 0);
    if (count < 0) {
        if (virGetLastErrorCode() == VIR_ERR_NO_SUPPORT)
            readEach(conn, promise);
        else
            qCInfo(lcQtVirtModel, "cannot list domains: %s", virGetLastErrorMessage());
        return {};
    }
    // The records hold a reference to each domain; the incomplete ones are
    // kept beyond them for their reads.
    std::vector<Domain> incomplete;
    DomainReader::ListingStep listed;
    listed.entries.reserve(count);
    for (int i = 0; i < count; ++i) {
        const virDomainStatsRecordPtr record = records[i];
        const QVirtDomainRef ref = domainRefOf(record->dom);
        DomainEntry entry;
        entry.name = ref.name();
        entry.uuid = ref.uuid();
        entry.id = ref.id();
        int state = VIR_DOMAIN_NOSTATE;
        virTypedParamsGetInt(record->params, record->nparams, "state.state", &state);
        entry.state = state;
        unsigned long long memory = 0;
        unsigned int vcpus = 0;
        const bool hasMemory
            = virTypedParamsGetULLong(record->params, record->nparams, "balloon.current", &memory)
            == 1;
        const bool hasVcpus
            = virTypedParamsGetUInt(record->params, record->nparams, "vcpu.current", &vcpus) == 1;
        entry.memoryKiB = memory;
        entry.vcpus = vcpus;
        if (!hasMemory || !hasVcpus) {
            virDomainRef(record->dom);
            incomplete.emplace_back(record->dom);
            listed.lacking.insert(entry.uuid);
        }
        listed.entries.append(entry);
    }
    virDomainStatsRecordListFree(records);

    const std::optional<QSet<QUuid>> persistent
        = uuidsOf(conn, VIR_CONNECT_LIST_DOMAINS_PERSISTENT);
    const std::optional<QSet<QUuid>> autostart = uuidsOf(conn, VIR_CONNECT_LIST_DOMAINS_AUTOSTART);
    if (!persistent || !autostart) {
        qCInfo(lcQtVirtModel, "cannot list domains: %s", virGetLastErrorMessage());
        return {};
    }
    for (DomainEntry &entry : listed.entries) {
        entry.persistent = persistent->contains(entry.uuid);
        entry.autostart = autostart->contains(entry.uuid);
    }
    promise.addResult(std::move(listed));
    return incomplete;
}

// One virDomainGetInfo() per domain, for as long as the promise is not
// canceled; adds the Details step.
void readDetails(const std::vector<Domain> &domains, QPromise<DomainReader::ListingStep> &promise)
{
    DomainReader::ListingStep details;
    details.kind = DomainReader::ListingStep::Details;
    details.entries.reserve(static_cast<qsizetype>(domains.size()));
    for (const Domain &dom : domains) {
        if (promise.isCanceled())
            return;
        virDomainInfo info;
        // One that vanished meanwhile is left out; its event is on the way.
        if (virDomainGetInfo(dom.get(), &info) < 0)
            continue;
        DomainEntry entry;
        entry.uuid = uuidOf(dom.get());
        entry.memoryKiB = info.memory;
        entry.vcpus = info.nrVirtCpu;
        details.entries.append(entry);
    }
    promise.addResult(std::move(details));
}

} // namespace

namespace DomainReader {

std::optional<DomainEntry> read(virDomainPtr dom)
{
    virDomainInfo info;
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
    const Domain dom(virDomainLookupByUUIDString(conn, text.constData()));
    if (!dom)
        return std::nullopt;
    return read(dom.get());
}

void listAll(const ConnectionHandle &conn, const ListingPromise &promise, QThreadPool *pool)
{
    if (promise->isCanceled()) {
        promise->finish();
        return;
    }
    std::vector<Domain> incomplete = listWhole(conn.get(), *promise);
    if (incomplete.empty()) {
        promise->finish();
        return;
    }
    // Behind every listing queued so far: below their priority.
    auto held = std::make_shared<std::vector<Domain>>(std::move(incomplete));
    pool->start(
        [conn, promise, held] {
            readDetails(*held, *promise);
            // Here, not in the model's thread: the last reference to a
            // domain may hold the last one to a connection closed meanwhile,
            // and closing it is a round trip.
            held->clear();
            promise->finish();
        },
        -1);
}

} // namespace DomainReader
