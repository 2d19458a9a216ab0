// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_LISTING_LISTINGMEASUREMENT_H
#define QTVIRT_BENCH_LISTING_LISTINGMEASUREMENT_H

#include "benchfigures.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>

// What one child reports (benchfigures.h): "rows" (s until
// every domain is known with its state), "details" (s until memory and
// vCPUs are known too), "stall" (ms, the worst lateness of a 1 ms timer in
// the main thread) and "busy" (ms of the main thread's own CPU time between
// two beats of that timer: on a loaded machine "stall" includes waiting for
// a CPU, "busy" does not). QtVirt's model adds "memory" (heap bytes per
// domain), "statsStall"/"statsBusy" (the same during a statistics refresh
// of every domain), "stormP50"/"stormP99" (ms from a lifecycle change to
// its dataChanged() under a storm of 1,000 events per second),
// "stormRate" (the events per second the storm reached) and "stormStall".

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

#endif // QTVIRT_BENCH_LISTING_LISTINGMEASUREMENT_H
