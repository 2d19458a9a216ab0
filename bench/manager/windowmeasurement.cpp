// SPDX-License-Identifier: LGPL-2.1-or-later
#include "windowmeasurement.h"

#include "eventwait.h"
#include "processusage.h"
#include "stallmeter.h"
#include "variants.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtGui/QWindow>
#include <QtWidgets/QWidget>

#include <cstdio>

namespace {

// Generous: a loaded machine lists slowly, and CPU figures need two
// samples. Below the smoke test's CTest timeout, so that the reason is
// printed.
constexpr int ReadyWithinMs = 60000;

// The testbed daemon's pid now: tests that run before may have restarted
// it since the environment was read (scripts/testbed restart-daemon
// rewrites its pid file).
pid_t testbedDaemonPid()
{
    QFile pidFile(qEnvironmentVariable("QTVIRT_TESTBED_DIR") + QStringLiteral("/libvirtd.pid"));
    if (pidFile.open(QIODevice::ReadOnly))
        return pid_t(pidFile.readAll().trimmed().toLongLong());
    return pid_t(qEnvironmentVariableIntValue("QTVIRT_LIBVIRTD_PID"));
}

} // namespace

BenchFigures measureWindow(QWidget *window, int domains, int seconds, const WindowProbe &probe)
{
    window->resize(1000, 600);
    window->show();
    const auto exposed
        = [window] { return window->windowHandle() && window->windowHandle()->isExposed(); };
    if (!runEventsUntil(exposed, 10000)) {
        std::fprintf(stderr, "the window was not shown\n");
        return {};
    }
    BenchFigures figures;
    StallMeter starting;
    starting.start();
    QElapsedTimer clock;
    clock.start();
    probe.start();
    if (!runEventsUntil([&] { return probe.rows() >= domains; }, ReadyWithinMs)) {
        std::fprintf(stderr, "%d of %d rows\n", probe.rows(), domains);
        return {};
    }
    figures.insert(QStringLiteral("ready"), clock.nsecsElapsed() / 1e9);
    starting.stop();
    figures.insert(QStringLiteral("startStall"), starting.worstStallMs());
    if (!runEventsUntil(probe.statsShown, ReadyWithinMs)) {
        std::fprintf(stderr, "no statistics shown\n");
        return {};
    }
    // Two statistics intervals before the measurement, for both variants.
    runEventsUntil([] { return false; }, 2 * StatsIntervalMs);

    // Processor time first, without the 1 ms timer of the stall meter,
    // whose beats (and their reads of /proc) would cost more than the
    // window itself; then the stalls, for as long again.
    const pid_t daemon = testbedDaemonPid();
    const double daemonBefore = ProcessUsage::cpuSecondsOf(daemon);
    const double before = ProcessUsage::ownCpuSeconds();
    clock.restart();
    runEventsUntil([] { return false; }, seconds * 1000);
    const double elapsed = clock.nsecsElapsed() / 1e9;
    const double daemonAfter = ProcessUsage::cpuSecondsOf(daemon);
    if (daemonBefore < 0 || daemonAfter < 0) {
        std::fprintf(stderr, "cannot read the testbed daemon's CPU time (pid %d)\n", int(daemon));
        return {};
    }
    figures.insert(QStringLiteral("cpu"), 100 * (ProcessUsage::ownCpuSeconds() - before) / elapsed);
    figures.insert(QStringLiteral("daemonCpu"), 100 * (daemonAfter - daemonBefore) / elapsed);

    StallMeter running;
    running.start();
    runEventsUntil([] { return false; }, seconds * 1000);
    running.stop();
    figures.insert(QStringLiteral("stall"), running.worstStallMs());
    figures.insert(QStringLiteral("busy"), running.worstBusyMs());
    figures.insert(QStringLiteral("rss"), ProcessUsage::ownResidentMiB());
    if (probe.rows() != domains) {
        std::fprintf(stderr, "%d rows at the end, %d domains\n", probe.rows(), domains);
        return {};
    }
    return figures;
}
