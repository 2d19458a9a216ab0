// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_IDLELOOPS_H
#define QTVIRT_BENCH_IDLELOOPS_H

// What an event loop costs while nothing happens but one timer, like a
// connection's keepalive.
struct IdleReport
{
    int firings = 0;
    // Times the loop thread went to sleep and was woken: its voluntary
    // context switches (/proc/thread-self/status).
    long wakeups = 0;
    double cpuMs = 0;
};

IdleReport idleWithLibvirtDefault(int intervalMs, int periods);
IdleReport idleWithQtVirt(int &argc, char **argv, int intervalMs, int periods);

#endif // QTVIRT_BENCH_IDLELOOPS_H
