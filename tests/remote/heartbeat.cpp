// SPDX-License-Identifier: LGPL-2.1-or-later
#include "heartbeat.h"

#include <QtCore/QFile>
#include <QtCore/QList>

#include <algorithm>

namespace {

// Nanoseconds the calling thread has waited in a run queue, or -1.
qint64 runQueueWaitNs()
{
    QFile schedstat(QStringLiteral("/proc/thread-self/schedstat"));
    if (!schedstat.open(QIODevice::ReadOnly))
        return -1;
    // "cpu-time run-queue-wait timeslices"
    const QList<QByteArray> fields = schedstat.readAll().simplified().split(' ');
    bool ok = false;
    const qint64 wait = fields.size() >= 2 ? fields.at(1).toLongLong(&ok) : -1;
    return ok ? wait : -1;
}

} // namespace

Heartbeat::Heartbeat(int intervalMs)
    : m_intervalNs(qint64(intervalMs) * 1000000)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Heartbeat::beat);
}

void Heartbeat::start()
{
    m_beats = 0;
    m_worstLatenessNs = 0;
    m_worstStallNs = 0;
    m_lastRunQueueNs = runQueueWaitNs();
    m_haveRunQueue = m_lastRunQueueNs >= 0;
    m_clock.start();
    m_lastBeatNs = 0;
    m_timer.start();
}

void Heartbeat::stop()
{
    // The time since the last beat counts as well: a stall right before
    // stop() would otherwise go unseen.
    beat();
    m_timer.stop();
}

void Heartbeat::beat()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 lateness = std::max<qint64>(0, now - m_lastBeatNs - m_intervalNs);
    m_worstLatenessNs = std::max(m_worstLatenessNs, lateness);
    if (m_haveRunQueue) {
        const qint64 runQueue = runQueueWaitNs();
        if (runQueue < 0) {
            m_haveRunQueue = false;
        } else {
            const qint64 stall = std::max<qint64>(0, lateness - (runQueue - m_lastRunQueueNs));
            m_worstStallNs = std::max(m_worstStallNs, stall);
            m_lastRunQueueNs = runQueue;
        }
    }
    m_lastBeatNs = now;
    ++m_beats;
}
