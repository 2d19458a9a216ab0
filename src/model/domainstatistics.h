// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_DOMAINSTATISTICS_H
#define QTVIRT_MODEL_DOMAINSTATISTICS_H

#include <QtCore/QHash>
#include <QtCore/QUuid>

#include <libvirt/libvirt.h>

#include <optional>

// What QVirtDomainModel's statistics read of all domains of a connection
// with one virConnectGetAllDomainStats() call, and the rates two such reads
// give. The call runs in modelWorkerPool(); the rates are computed in the
// model's thread.
namespace DomainStatistics {

// The counters of one domain in one call. A field is empty when the driver
// did not report it (the test driver reports the state group only; an
// inactive QEMU domain has no CPU, block or interface counters).
struct Counters
{
    int state = VIR_DOMAIN_NOSTATE;
    std::optional<quint64> cpuTimeNs;     // cpu.time
    std::optional<uint> vcpus;            // vcpu.current
    std::optional<quint64> memoryKiB;     // balloon.current
    std::optional<quint64> memoryUsedKiB; // balloon.rss, else balloon.current
    // Sums over the devices: block.N.rd.bytes and so on.
    std::optional<quint64> diskReadBytes;
    std::optional<quint64> diskWriteBytes;
    std::optional<quint64> netRxBytes;
    std::optional<quint64> netTxBytes;
};

// One call's counters of every domain, and when it was made.
struct Sample
{
    // A monotonic clock, the middle of the call: its duration (a round trip
    // to the daemon, and for QEMU one to each guest's monitor) should not
    // count as time the counters had to grow.
    qint64 wallNs = 0;
    QHash<QUuid, Counters> domains;
};

// Calls virConnectGetAllDomainStats() once for the groups state, cpu-total,
// balloon, vcpu, block and interface; throws QVirtError when it fails.
// Blocking.
Sample sample(virConnectPtr conn);

// What the model shows of one domain: the rates between two samples and
// the memory in use of the later one.
struct Figures
{
    // 100 is every vCPU of the domain busy for the whole interval.
    std::optional<double> cpuPercent;
    std::optional<quint64> memoryUsedKiB;
    // Bytes per second.
    std::optional<double> diskReadRate;
    std::optional<double> diskWriteRate;
    std::optional<double> netRxRate;
    std::optional<double> netTxRate;

    friend bool operator==(const Figures &a, const Figures &b)
    {
        return a.cpuPercent == b.cpuPercent && a.memoryUsedKiB == b.memoryUsedKiB
            && a.diskReadRate == b.diskReadRate && a.diskWriteRate == b.diskWriteRate
            && a.netRxRate == b.netRxRate && a.netTxRate == b.netTxRate;
    }
    friend bool operator!=(const Figures &a, const Figures &b) { return !(a == b); }
};

// The figures of a domain counted in later; earlier is its previous
// sample, if any. A rate needs both, and is empty when its counter went
// back (the domain restarted in between).
Figures figures(const Counters *earlier, qint64 earlierNs, const Counters &later, qint64 laterNs);

} // namespace DomainStatistics

#endif // QTVIRT_MODEL_DOMAINSTATISTICS_H
