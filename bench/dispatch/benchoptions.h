// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_BENCHOPTIONS_H
#define QTVIRT_BENCH_BENCHOPTIONS_H

#include <QtCore/QString>
#include <QtCore/QStringList>

struct BenchOptions
{
    // One variant to measure in this process; empty runs the driver, which
    // measures every variant in child processes.
    QString variant;
    int roundTrips = 200000;
    int idleHandles = 0;
    int idleTimers = 0;
    int repeat = 5;
};

BenchOptions parseBenchOptions(const QStringList &arguments);
QStringList variantArguments(const BenchOptions &options, const QString &variant);

#endif // QTVIRT_BENCH_BENCHOPTIONS_H
