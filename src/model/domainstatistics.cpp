// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domainstatistics.h"

#include "connection/domainref.h"
#include "connection/typedparameters.h"

#include <QtVirt/qvirterror.h>

#include <libvirt/virterror.h>

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>

#include <chrono>

namespace {

qint64 monotonicNs()
{
    using namespace std::chrono;
    return duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
}

// The sum of prefix.N.suffix over N below prefix.count; empty when the
// driver reports none of them.
std::optional<quint64> sumOver(const virDomainStatsRecordPtr record, const char *prefix,
                               const char *suffix)
{
    const QByteArray countName = QByteArray(prefix) + ".count";
    const std::optional<unsigned int> count = uintStat(record, countName.constData());
    if (!count)
        return std::nullopt;
    std::optional<quint64> sum;
    for (unsigned int i = 0; i < *count; ++i) {
        const QByteArray name
            = QByteArray(prefix) + '.' + QByteArray::number(i) + '.' + QByteArray(suffix);
        if (const std::optional<quint64> value = ullongStat(record, name.constData()))
            sum = sum.value_or(0) + *value;
    }
    return sum;
}

DomainStatistics::Counters countersOf(const virDomainStatsRecordPtr record)
{
    DomainStatistics::Counters counters;
    counters.state = intStat(record, "state.state").value_or(counters.state);
    counters.cpuTimeNs = ullongStat(record, "cpu.time");
    counters.vcpus = uintStat(record, "vcpu.current");
    counters.memoryKiB = ullongStat(record, "balloon.current");
    // The resident set of the hypervisor's process is what the guest really
    // uses on the host; without it, what the balloon lets the guest have.
    counters.memoryUsedKiB = ullongStat(record, "balloon.rss");
    if (!counters.memoryUsedKiB)
        counters.memoryUsedKiB = counters.memoryKiB;
    counters.diskReadBytes = sumOver(record, "block", "rd.bytes");
    counters.diskWriteBytes = sumOver(record, "block", "wr.bytes");
    counters.netRxBytes = sumOver(record, "net", "rx.bytes");
    counters.netTxBytes = sumOver(record, "net", "tx.bytes");
    return counters;
}

// Per second, from two readings of a counter seconds apart.
std::optional<double> rate(const std::optional<quint64> &earlier,
                           const std::optional<quint64> &later, double seconds)
{
    if (!earlier || !later || *later < *earlier || seconds <= 0)
        return std::nullopt;
    return static_cast<double>(*later - *earlier) / seconds;
}

} // namespace

namespace DomainStatistics {

Sample sample(virConnectPtr conn)
{
    const unsigned int groups = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL
        | VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU | VIR_DOMAIN_STATS_BLOCK
        | VIR_DOMAIN_STATS_INTERFACE;
    virDomainStatsRecordPtr *records = nullptr;
    const qint64 before = monotonicNs();
    const int count = virConnectGetAllDomainStats(conn, groups, &records, 0);
    const qint64 after = monotonicNs();
    if (count < 0)
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtDomainModel", "libvirt gave no reason"));
    Sample result;
    result.wallNs = before + (after - before) / 2;
    result.domains.reserve(count);
    for (int i = 0; i < count; ++i)
        result.domains.insert(domainUuidOf(records[i]->dom), countersOf(records[i]));
    virDomainStatsRecordListFree(records);
    return result;
}

Figures figures(const Counters *earlier, qint64 earlierNs, const Counters &later, qint64 laterNs)
{
    Figures result;
    result.memoryUsedKiB = later.memoryUsedKiB;
    if (!earlier)
        return result;
    const qint64 elapsedNs = laterNs - earlierNs;
    const double seconds = static_cast<double>(elapsedNs) / 1e9;
    // cpu.time counts the nanoseconds of every vCPU together: one busy vCPU
    // of two is 50 %, as virt-manager's guest CPU usage.
    if (later.vcpus && *later.vcpus > 0 && elapsedNs > 0) {
        if (const std::optional<double> busy = rate(earlier->cpuTimeNs, later.cpuTimeNs, 1.0))
            result.cpuPercent = *busy / (static_cast<double>(elapsedNs) * *later.vcpus) * 100.0;
    }
    result.diskReadRate = rate(earlier->diskReadBytes, later.diskReadBytes, seconds);
    result.diskWriteRate = rate(earlier->diskWriteBytes, later.diskWriteBytes, seconds);
    result.netRxRate = rate(earlier->netRxBytes, later.netRxBytes, seconds);
    result.netTxRate = rate(earlier->netTxBytes, later.netTxBytes, seconds);
    return result;
}

} // namespace DomainStatistics
