// SPDX-License-Identifier: LGPL-2.1-or-later
#include "lifecyclestorm.h"

#include "testnode.h"

#include <QtCore/QString>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace {

// One thread waits a round trip per event, which on a busy machine is more
// than a millisecond: several threads, each with domains of its own, share
// the rate (the remote driver runs their calls concurrently on the one
// connection).
constexpr int StormThreads = 10;

// How long a storm behind its schedule goes on after its planned end.
constexpr qint64 OverrunNs = 500000000;

} // namespace

LifecycleStorm::LifecycleStorm(virConnectPtr conn, int count)
    : m_domains(size_t(count), nullptr)
    , m_asked(new std::atomic<qint64>[size_t(count)])
    , m_expected(new std::atomic<int>[size_t(count)])
{
    for (int i = 0; i < count; ++i) {
        m_asked[i] = 0;
        m_expected[i] = VIR_DOMAIN_RUNNING;
    }
    virDomainPtr *listed = nullptr;
    const int listedCount = virConnectListAllDomains(conn, &listed, 0);
    for (int i = 0; i < listedCount; ++i) {
        const int index = testNodeDomainIndex(QString::fromUtf8(virDomainGetName(listed[i])));
        if (index >= 0 && index < count && !m_domains[size_t(index)])
            m_domains[size_t(index)] = listed[i];
        else
            virDomainFree(listed[i]);
    }
    free(listed); // NOLINT(cppcoreguidelines-no-malloc): libvirt allocated it
}

LifecycleStorm::~LifecycleStorm()
{
    for (std::thread &thread : m_threads)
        thread.join();
    for (size_t i = 0; i < m_domains.size(); ++i) {
        if (!m_domains[i])
            continue;
        if (m_expected[i] == VIR_DOMAIN_PAUSED)
            virDomainResume(m_domains[i]);
        virDomainFree(m_domains[i]);
    }
}

bool LifecycleStorm::isValid() const
{
    return !m_domains.empty()
        && std::all_of(m_domains.cbegin(), m_domains.cend(),
                       [](virDomainPtr domain) { return domain != nullptr; });
}

void LifecycleStorm::start(int events, int rate)
{
    if (!isValid() || !m_threads.empty())
        return;
    const int count = int(m_domains.size());
    const int threads = count % StormThreads == 0 ? StormThreads : 1;
    m_clock.start();
    m_running = threads;
    for (int t = 0; t < threads; ++t)
        m_threads.emplace_back([this, t, threads, events, rate] {
            runThread(t, threads, events, rate);
            --m_running;
        });
}

void LifecycleStorm::runThread(int first, int step, int events, int rate)
{
    const qint64 end = qint64(events) * 1000000000 / rate + OverrunNs;
    const int count = int(m_domains.size());
    for (int n = first; n < events && !m_failed; n += step) {
        // Event n is due at n / rate seconds.
        const qint64 due = qint64(n) * 1000000000 / rate;
        while (m_clock.nsecsElapsed() < due)
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        if (m_clock.nsecsElapsed() > end)
            return;
        // Thread t changes only the domains t, t + step, ...: a domain's
        // changes never race.
        const int i = n % count;
        // A change not shown yet is overtaken by this one. Then the new
        // state, and only then the time: settle() never pairs a time with
        // the state of another change.
        if (m_asked[i].exchange(0) != 0)
            ++m_overtaken;
        const bool running = m_expected[i] == VIR_DOMAIN_RUNNING;
        m_expected[i] = running ? VIR_DOMAIN_PAUSED : VIR_DOMAIN_RUNNING;
        m_asked[i] = m_clock.nsecsElapsed();
        const int rc = running ? virDomainSuspend(m_domains[size_t(i)])
                               : virDomainResume(m_domains[size_t(i)]);
        if (rc < 0)
            m_failed = true;
        ++m_made;
    }
}

bool LifecycleStorm::isDone() const
{
    return m_running == 0;
}

int LifecycleStorm::made() const
{
    return m_made;
}

int LifecycleStorm::overtaken() const
{
    return m_overtaken;
}

bool LifecycleStorm::failed() const
{
    return m_failed;
}

qint64 LifecycleStorm::elapsedNs() const
{
    return m_clock.nsecsElapsed();
}

int LifecycleStorm::expectedState(int index) const
{
    return index >= 0 && index < int(m_domains.size()) ? m_expected[index].load() : -1;
}

qint64 LifecycleStorm::settle(int index, int state, qint64 nowNs)
{
    if (index < 0 || index >= int(m_domains.size()))
        return -1;
    qint64 asked = m_asked[index];
    if (asked == 0 || state != m_expected[index])
        return -1;
    // Not if a newer change was asked for meanwhile: that one is still due.
    if (!m_asked[index].compare_exchange_strong(asked, 0))
        return -1;
    return nowNs - asked;
}
