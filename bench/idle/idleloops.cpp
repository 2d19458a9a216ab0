// SPDX-License-Identifier: LGPL-2.1-or-later
#include "idleloops.h"

#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>

#include <libvirt/libvirt.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <sys/resource.h>

namespace {

long voluntaryContextSwitches()
{
    QFile status(QStringLiteral("/proc/thread-self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("voluntary_ctxt_switches:"))
            return line.mid(line.indexOf(':') + 1).trimmed().toLong();
    }
    return -1;
}

double cpuMilliseconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_THREAD, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// Counts from the first firing to the last, so that start-up is left out.
struct Measurement
{
    Measurement(int periods_, std::function<void()> onDone_)
        : periods(periods_)
        , onDone(std::move(onDone_))
    { }

    const int periods;
    const std::function<void()> onDone;
    int firings = 0;
    long firstSwitches = 0;
    double firstCpu = 0;
    IdleReport report;

    void fired()
    {
        if (++firings == 1) {
            firstSwitches = voluntaryContextSwitches();
            firstCpu = cpuMilliseconds();
            return;
        }
        if (firings <= periods)
            return;
        report.firings = firings - 1;
        report.wakeups = voluntaryContextSwitches() - firstSwitches;
        report.cpuMs = cpuMilliseconds() - firstCpu;
        onDone();
    }
};

void addTimeoutOrDie(int intervalMs, Measurement *measurement)
{
    const int id = virEventAddTimeout(
        intervalMs, [](int, void *opaque) { static_cast<Measurement *>(opaque)->fired(); },
        measurement, nullptr);
    if (id <= 0) {
        std::fprintf(stderr, "virEventAddTimeout failed\n");
        std::exit(1);
    }
}

} // namespace

IdleReport idleWithLibvirtDefault(int intervalMs, int periods)
{
    virEventRegisterDefaultImpl();
    bool done = false;
    Measurement measurement{periods, [&done] { done = true; }};
    addTimeoutOrDie(intervalMs, &measurement);
    while (!done)
        virEventRunDefaultImpl();
    return measurement.report;
}

IdleReport idleWithQtVirt(int &argc, char **argv, int intervalMs, int periods)
{
    QCoreApplication app(argc, argv);
    if (!QtVirtEventImpl::registerImpl()) {
        std::fprintf(stderr, "QtVirtEventImpl::registerImpl() failed\n");
        std::exit(1);
    }
    Measurement measurement{periods, [] { QCoreApplication::exit(0); }};
    addTimeoutOrDie(intervalMs, &measurement);
    app.exec();
    return measurement.report;
}
