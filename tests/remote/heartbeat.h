// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_HEARTBEAT_H
#define QTVIRT_TESTS_HEARTBEAT_H

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QTimer>

// A timer that beats every few milliseconds in the thread that owns it (the
// "GUI thread" of a test) and records how late each beat came: the longest
// the thread's event loop did not run.
//
// A beat can also come late because the machine is busy and the scheduler
// lets the thread wait for a CPU although it is ready to run; that is no
// stall of the event loop, and on a loaded CI machine it alone can exceed
// any bound. So the lateness is measured twice: as seen on the wall clock,
// and without the time the thread spent waiting in the scheduler's run
// queue meanwhile (the second field of /proc/thread-self/schedstat). The
// second is what the thread's own work or blocking calls cost.
class Heartbeat : public QObject
{
public:
    explicit Heartbeat(int intervalMs = 10);

    void start();
    void stop();

    int beats() const { return m_beats; }
    // Worst lateness of a beat, in milliseconds.
    double worstLatenessMs() const { return m_worstLatenessNs / 1e6; }
    // The same without the thread's run-queue waits; -1 when the kernel
    // does not report them (no schedstat), and then worstLatenessMs() is
    // the only figure.
    double worstStallMs() const { return m_haveRunQueue ? m_worstStallNs / 1e6 : -1; }

private:
    void beat();

    QTimer m_timer;
    QElapsedTimer m_clock;
    const qint64 m_intervalNs;
    qint64 m_lastBeatNs = 0;
    qint64 m_lastRunQueueNs = 0;
    qint64 m_worstLatenessNs = 0;
    qint64 m_worstStallNs = 0;
    int m_beats = 0;
    bool m_haveRunQueue = false;
};

#endif // QTVIRT_TESTS_HEARTBEAT_H
