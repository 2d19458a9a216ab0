// SPDX-License-Identifier: LGPL-2.1-or-later
#include "measurement.h"

#include <algorithm>
#include <cmath>

namespace {

// Nearest-rank percentile of sorted values.
qint64 percentile(const QList<qint64> &sorted, double p)
{
    const auto rank = static_cast<qsizetype>(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

} // namespace

QByteArray Measurement::toLine() const
{
    return "result " + QByteArray::number(p50Us, 'f', 1) + ' ' + QByteArray::number(p99Us, 'f', 1)
        + ' ' + QByteArray::number(eventsPerSecond, 'f', 0) + ' ' + QByteArray::number(received);
}

bool Measurement::fromLine(const QByteArray &line, Measurement *out)
{
    const QList<QByteArray> fields = line.trimmed().split(' ');
    if (fields.size() != 5 || fields.at(0) != "result")
        return false;
    out->p50Us = fields.at(1).toDouble();
    out->p99Us = fields.at(2).toDouble();
    out->eventsPerSecond = fields.at(3).toDouble();
    out->received = fields.at(4).toInt();
    return true;
}

Measurement Measurement::fromLatencies(QList<qint64> latenciesNs, qint64 spanNs)
{
    Measurement m;
    m.received = static_cast<int>(latenciesNs.size());
    if (latenciesNs.isEmpty() || spanNs <= 0)
        return m;
    std::sort(latenciesNs.begin(), latenciesNs.end());
    m.p50Us = double(percentile(latenciesNs, 50)) / 1000.0;
    m.p99Us = double(percentile(latenciesNs, 99)) / 1000.0;
    m.eventsPerSecond = double(latenciesNs.size()) * 1e9 / double(spanNs);
    return m;
}
