// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_STALLMETER_H
#define QTVIRT_BENCH_STALLMETER_H

#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>

// A 1 ms timer in the calling thread that keeps the worst lateness of its
// beats and the most CPU time the thread spent between two of them: the
// longest a GUI thread would have been unable to paint.
class StallMeter
{
public:
    StallMeter();
    void start();
    // Lets one more beat see the gap left by work that ended just now.
    void stop();
    double worstStallMs() const;
    double worstBusyMs() const;
    // The longest the thread waited for a CPU between two beats, although
    // it was ready to run: the share of a stall that other threads and
    // processes took.
    double worstWaitMs() const;

private:
    void beat();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastBeatNs = 0;
    qint64 m_lastCpuNs = 0;
    qint64 m_worstGapNs = 0;
    qint64 m_worstBusyNs = 0;
    qint64 m_lastWaitNs = 0;
    qint64 m_worstWaitNs = 0;
};

#endif // QTVIRT_BENCH_STALLMETER_H
