// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_EVENTS_MEASUREMENT_H
#define QTVIRT_BENCH_EVENTS_MEASUREMENT_H

#include <QtCore/QByteArray>
#include <QtCore/QList>

// What one run of one variant measured.
struct Measurement
{
    double p50Us = 0;
    double p99Us = 0;
    double eventsPerSecond = 0;
    int received = 0;

    // One line a child prints and its parent reads back.
    QByteArray toLine() const;
    static bool fromLine(const QByteArray &line, Measurement *out);

    // From each event's latency and the span from the first cause to the
    // last arrival.
    static Measurement fromLatencies(QList<qint64> latenciesNs, qint64 spanNs);
};

#endif // QTVIRT_BENCH_EVENTS_MEASUREMENT_H
