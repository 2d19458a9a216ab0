// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_LIFECYCLESTORM_H
#define QTVIRT_BENCH_LIFECYCLESTORM_H

#include <QtCore/QElapsedTimer>

#include <libvirt/libvirt.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

// A storm of lifecycle events: threads of its own suspend and resume the
// domains bench-N (testnode.h) of one connection in turn, paced at a rate
// per second, so that the connection's event callbacks see one lifecycle
// event per call. A test-driver node is private to its connection, so the
// storm must use the connection whose events are watched.
class LifecycleStorm
{
public:
    // Finds the domains bench-0 ... bench-(count-1) on conn.
    LifecycleStorm(virConnectPtr conn, int count);
    // Waits for the threads and resumes what the storm left paused.
    ~LifecycleStorm();
    LifecycleStorm(const LifecycleStorm &) = delete;
    LifecycleStorm &operator=(const LifecycleStorm &) = delete;

    // Whether the connection has every domain bench-0 ... bench-(count-1).
    bool isValid() const;

    // Starts events changes at rate per second, once, on a valid storm. A
    // storm behind its schedule calls at once, and gives up half a second
    // after its planned end.
    void start(int events, int rate);
    // Whether every thread has stopped calling.
    bool isDone() const;
    // The changes made so far, and whether a call failed.
    int made() const;
    bool failed() const;
    // The changes the next change of the same domain overtook before a view
    // settled them: settled ones and overtaken ones add up to made().
    int overtaken() const;
    // Nanoseconds since start().
    qint64 elapsedNs() const;

    // The state domain index is in after the storm's latest change of it.
    int expectedState(int index) const;

    // For a view that shows domain index in state at nowNs (elapsedNs()):
    // the nanoseconds since its latest change was asked for, when that
    // change is what it shows (each change is reported once), or -1.
    qint64 settle(int index, int state, qint64 nowNs);

private:
    void runThread(int first, int step, int events, int rate);

    std::vector<virDomainPtr> m_domains;            // by index
    std::unique_ptr<std::atomic<qint64>[]> m_asked; // 0: nothing pending
    std::unique_ptr<std::atomic<int>[]> m_expected;
    std::vector<std::thread> m_threads;
    std::atomic<int> m_running{0};
    std::atomic<int> m_made{0};
    std::atomic<int> m_overtaken{0};
    std::atomic<bool> m_failed{false};
    QElapsedTimer m_clock;
};

#endif // QTVIRT_BENCH_LIFECYCLESTORM_H
