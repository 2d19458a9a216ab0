// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection::listDomains(): the domains of a connection with a few
// whole-connection calls rather than a round trip per domain, which a
// listing of thousands of domains over a remote link cannot afford:
// - virConnectGetAllDomainStats() gives every domain with its state,
//   memory (balloon), vCPUs and CPU time;
// - two virConnectListAllDomains() calls, filtered to the persistent and
//   to the autostarted domains, give those two flags, which no statistics
//   group carries.
// Name, UUID and id come with each virDomainPtr and cost no round trip.
//
// One call per domain remains where a driver's statistics lack a field: a
// virDomainGetInfo() for that domain. The test driver reports only the
// state group, so every domain costs one there; QEMU reports all of them,
// and the CPU time of a domain that does not run is 0 without asking.

#include "connection/domainlisting.h"

#include "connection/domainref.h"
#include "connection/qvirtdomaininfo_p.h"

#include <QtVirt/qvirterror.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QSet>

#include <libvirt/virterror.h>

#include <memory>
#include <optional>

namespace {

struct RecordsReleaser
{
    void operator()(virDomainStatsRecordPtr *records) const
    {
        virDomainStatsRecordListFree(records);
    }
};

QVirtError listingError()
{
    return QVirtError::fromLastError(
        QCoreApplication::translate("QVirtConnection", "cannot list the domains"));
}

QByteArray uuidOf(virDomainPtr dom)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    virDomainGetUUIDString(dom, uuid);
    return QByteArray(uuid);
}

// The UUIDs of the domains that pass filter (VIR_CONNECT_LIST_DOMAINS_*).
QSet<QByteArray> uuidsMatching(virConnectPtr conn, unsigned int filter)
{
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(conn, &domains, filter);
    if (count < 0)
        throw listingError();
    QSet<QByteArray> uuids;
    for (int i = 0; i < count; ++i) {
        uuids.insert(uuidOf(domains[i]));
        virDomainFree(domains[i]);
    }
    free(domains); // NOLINT(cppcoreguidelines-no-malloc): libvirt allocated it
    return uuids;
}

template<typename T, typename Getter>
std::optional<T> field(const virDomainStatsRecord *record, const char *name, Getter getter)
{
    T value{};
    if (getter(record->params, record->nparams, name, &value) == 1)
        return value;
    return std::nullopt;
}

// One domain from its statistics record; nullopt when the domain vanished
// before a missing field could be asked for.
std::optional<QVirtDomainInfo> infoFrom(const virDomainStatsRecord *record,
                                        const QSet<QByteArray> &persistent,
                                        const QSet<QByteArray> &autostart)
{
    virDomainPtr dom = record->dom;
    auto *data = new QVirtDomainInfoData;
    QVirtDomainInfo info = QVirtDomainInfoData::wrap(data);
    const QByteArray uuid = uuidOf(dom);
    const QVirtDomainRef ref = domainRefOf(dom);
    data->name = ref.name();
    data->uuid = ref.uuid();
    data->id = ref.id();
    data->persistent = persistent.contains(uuid);
    data->autostart = autostart.contains(uuid);

    const auto state = field<int>(record, "state.state", &virTypedParamsGetInt);
    const auto reason = field<int>(record, "state.reason", &virTypedParamsGetInt);
    const auto maxMemory
        = field<unsigned long long>(record, "balloon.maximum", &virTypedParamsGetULLong);
    const auto memory
        = field<unsigned long long>(record, "balloon.current", &virTypedParamsGetULLong);
    const auto vcpus = field<unsigned int>(record, "vcpu.current", &virTypedParamsGetUInt);
    // A domain that does not run has used nothing, as virDomainGetInfo()
    // says; QEMU's statistics still carry the CPU time of its last run.
    const auto cpuTime = data->id < 0
        ? std::optional<unsigned long long>(0)
        : field<unsigned long long>(record, "cpu.time", &virTypedParamsGetULLong);

    if (state && reason && maxMemory && memory && vcpus && cpuTime) {
        data->state = static_cast<QVirtDomainInfo::State>(*state);
        data->stateReason = *reason;
        data->maxMemory = *maxMemory;
        data->memory = *memory;
        data->vcpus = static_cast<int>(*vcpus);
        data->cpuTime = *cpuTime;
        return info;
    }
    // The driver does not report every group: the one call per domain
    // that remains (see the top of this file).
    virDomainInfo raw{};
    int rawState = 0;
    int rawReason = 0;
    if (virDomainGetInfo(dom, &raw) < 0
        || (!(state && reason) && virDomainGetState(dom, &rawState, &rawReason, 0) < 0)) {
        if (virGetLastErrorCode() == VIR_ERR_NO_DOMAIN)
            return std::nullopt; // undefined since the statistics were taken
        throw listingError();
    }
    data->state = static_cast<QVirtDomainInfo::State>(state.value_or(rawState));
    data->stateReason = reason.value_or(rawReason);
    data->maxMemory = maxMemory.value_or(raw.maxMem);
    data->memory = memory.value_or(raw.memory);
    data->vcpus = vcpus ? static_cast<int>(*vcpus) : raw.nrVirtCpu;
    data->cpuTime = cpuTime.value_or(raw.cpuTime);
    return info;
}

} // namespace

QList<QVirtDomainInfo> listDomainInfos(virConnectPtr conn)
{
    virDomainStatsRecordPtr *raw = nullptr;
    const unsigned int groups = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL
        | VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU;
    const int count = virConnectGetAllDomainStats(conn, groups, &raw, 0);
    if (count < 0)
        throw listingError();
    const std::unique_ptr<virDomainStatsRecordPtr, RecordsReleaser> records(raw);
    // After the statistics: a domain defined in between is missing from the
    // list rather than listed without its flags.
    const QSet<QByteArray> persistent = uuidsMatching(conn, VIR_CONNECT_LIST_DOMAINS_PERSISTENT);
    const QSet<QByteArray> autostart = uuidsMatching(conn, VIR_CONNECT_LIST_DOMAINS_AUTOSTART);

    QList<QVirtDomainInfo> infos;
    infos.reserve(count);
    for (int i = 0; i < count; ++i) {
        if (std::optional<QVirtDomainInfo> info = infoFrom(raw[i], persistent, autostart))
            infos.append(*std::move(info));
    }
    return infos;
}
