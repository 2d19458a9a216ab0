// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stallmeter.h"

#include "eventwait.h"

#include <QtCore/QFile>

#include <algorithm>
#include <ctime>

namespace {

qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// The time the calling thread has spent runnable but waiting for a CPU
// (the second field of Linux's schedstat); 0 where that is not available.
qint64 threadRunQueueNs()
{
    QFile file(QStringLiteral("/proc/thread-self/schedstat"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().split(' ');
    return fields.size() >= 2 ? fields.at(1).toLongLong() : 0;
}

} // namespace

StallMeter::StallMeter()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { beat(); });
}

void StallMeter::start()
{
    m_clock.start();
    m_lastBeatNs = 0;
    m_lastCpuNs = threadCpuNs();
    m_lastWaitNs = threadRunQueueNs();
    m_timer.start();
}

void StallMeter::stop()
{
    runEventsUntil([] { return false; }, 3);
    m_timer.stop();
}

void StallMeter::beat()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_worstGapNs = std::max(m_worstGapNs, now - m_lastBeatNs);
    m_lastBeatNs = now;
    const qint64 cpu = threadCpuNs();
    m_worstBusyNs = std::max(m_worstBusyNs, cpu - m_lastCpuNs);
    m_lastCpuNs = cpu;
    const qint64 wait = threadRunQueueNs();
    m_worstWaitNs = std::max(m_worstWaitNs, wait - m_lastWaitNs);
    m_lastWaitNs = wait;
}

double StallMeter::worstStallMs() const
{
    // Lateness beyond the 1 ms period.
    return std::max<qint64>(0, m_worstGapNs - 1000000) / 1e6;
}

double StallMeter::worstBusyMs() const
{
    return m_worstBusyNs / 1e6;
}

double StallMeter::worstWaitMs() const
{
    return m_worstWaitNs / 1e6;
}
