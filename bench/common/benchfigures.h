// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_BENCHFIGURES_H
#define QTVIRT_BENCH_BENCHFIGURES_H

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QString>

// The named figures of one measurement, which a child process prints as
// one "name value" line each for its driver to parse.
using BenchFigures = QMap<QString, double>;
void printBenchFigures(const BenchFigures &figures);
BenchFigures parseBenchFigures(const QByteArray &output);

// The median of values, which must not be empty.
double benchMedian(QList<double> values);
// "median [min-max]" of values, which must not be empty.
QString benchSpread(const QList<double> &values);

#endif // QTVIRT_BENCH_BENCHFIGURES_H
