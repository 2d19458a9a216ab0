// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_EVENTS_EVENTSOURCE_H
#define QTVIRT_BENCH_EVENTS_EVENTSOURCE_H

#include <QtCore/QByteArray>
#include <QtCore/QElapsedTimer>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

// Causes lifecycle events from a thread of its own, on a connection of its
// own: define/undefine pairs of test-driver domains, back to back. Before
// each call it notes the time, so that a receiver can tell each event's
// latency: from the start of the call that causes it to the slot.
class EventSource
{
public:
    EventSource(QByteArray uri, int events, const QElapsedTimer &clock);
    ~EventSource();

    // The name every domain of this run starts with.
    QByteArray prefix() const { return m_prefix; }
    void start();
    // Waits for the producer; false when a call failed.
    bool finish();

    // For an event of domain name (event 0: defined, else undefined): its
    // cause's start in nanoseconds of the clock, or -1 for a foreign name.
    qint64 causedAt(const QByteArray &name, bool defined) const;

private:
    void run();

    const QByteArray m_uri;
    const int m_pairs;
    const QElapsedTimer &m_clock;
    const QByteArray m_prefix;
    std::unique_ptr<std::atomic<qint64>[]> m_causes; // two per pair
    std::thread m_thread;
    std::atomic<bool> m_failed{false};
};

#endif // QTVIRT_BENCH_EVENTS_EVENTSOURCE_H
