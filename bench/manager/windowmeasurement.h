// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_MANAGER_WINDOWMEASUREMENT_H
#define QTVIRT_BENCH_MANAGER_WINDOWMEASUREMENT_H

#include "benchfigures.h"

#include <functional>

class QWidget;

// How a manager window's variant tells what it shows.
struct WindowProbe
{
    // Starts listing the connection's domains (what the user's "add
    // connection" does).
    std::function<void()> start;
    // How many domain rows the window's table has.
    std::function<int()> rows;
    // Whether the window shows its statistics (the poller's CPU figures
    // need two samples).
    std::function<bool()> statsShown;
};

// Shows window on the screen, starts the probe and measures, as figures
// (benchfigures.h):
// - "ready": s from start() until all `domains` rows are there, and
//   "startStall": the GUI thread's worst stall (ms, a 1 ms timer's
//   lateness) meanwhile;
// - once the statistics are shown and two more intervals passed, for
//   `seconds`: "cpu", the process's processor time (every thread) in % of
//   one processor; "daemonCpu", the same of the testbed daemon (its pid
//   file in QTVIRT_TESTBED_DIR), which serves the variant's calls;
// - then, for `seconds` more: "stall" and "busy" (the GUI thread's worst
//   stall and its longest stretch of own work, stallmeter.h); and "rss",
//   the process's resident memory at the end, in MiB.
BenchFigures measureWindow(QWidget *window, int domains, int seconds, const WindowProbe &probe);

#endif // QTVIRT_BENCH_MANAGER_WINDOWMEASUREMENT_H
