// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/jobprogress.h"

#include "connection/pooloperation.h"

#include <QtCore/QPointer>

#include <chrono>

namespace {

// Often enough for a progress bar to move smoothly, rarely enough that a
// save of a large guest costs the daemon few round trips.
constexpr std::chrono::milliseconds PollInterval(100);

std::optional<unsigned long long> ullongParameter(virTypedParameterPtr params, int count,
                                                  const char *name)
{
    unsigned long long value = 0;
    if (virTypedParamsGetULLong(params, count, name, &value) != 1)
        return std::nullopt;
    return value;
}

} // namespace

std::optional<int> jobPercent(virDomainPtr dom)
{
    int type = VIR_DOMAIN_JOB_NONE;
    virTypedParameterPtr params = nullptr;
    int count = 0;
    if (virDomainGetJobStats(dom, &type, &params, &count, 0) < 0)
        return std::nullopt;
    std::optional<unsigned long long> total;
    std::optional<unsigned long long> remaining;
    // Only a job that runs: libvirt also reports one that has just ended.
    if (type == VIR_DOMAIN_JOB_BOUNDED || type == VIR_DOMAIN_JOB_UNBOUNDED) {
        total = ullongParameter(params, count, VIR_DOMAIN_JOB_DATA_TOTAL);
        remaining = ullongParameter(params, count, VIR_DOMAIN_JOB_DATA_REMAINING);
    }
    virTypedParamsFree(params, count);
    // Nothing remaining is no progress of a job that still runs: QEMU says
    // so while a save is being set up, before it counts the memory.
    if (!total || !remaining || *total == 0 || *remaining == 0 || *remaining > *total)
        return std::nullopt;
    // In long double: (total - remaining) * 100 may not fit 64 bits.
    return int(static_cast<long double>(*total - *remaining) * 100 / *total);
}

JobProgressPoller::JobProgressPoller(QVirtConnectionPrivate *d, const QVirtDomainRef &domain,
                                     Report report, QObject *parent)
    : QObject(parent)
    , m_d(d)
    , m_domain(domain)
    , m_report(std::move(report))
{
    connect(&m_timer, &QTimer::timeout, this, &JobProgressPoller::poll);
    m_timer.start(PollInterval);
}

void JobProgressPoller::poll()
{
    if (!m_inFlight.isFinished())
        return;
    // The answer may come after this poller (its operation done) is gone.
    m_inFlight = PoolOperation::runOnDomain<void>(
        m_d, m_domain, [](virDomainPtr dom) { return jobPercent(dom); },
        [poller = QPointer(this)](PoolOperation::PendingOperation<void> *operation,
                                  std::optional<int> percent) {
            if (poller && percent)
                poller->m_report(*percent);
            operation->succeed();
        });
}
