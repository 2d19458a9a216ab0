// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_INTERLEAVEDRUNS_H
#define QTVIRT_BENCH_INTERLEAVEDRUNS_H

#include "benchfigures.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

// One measured configuration: a child process of the benchmark program.
struct BenchVariant
{
    QString label;
    QStringList arguments;
    // Set in the child's environment; an empty value removes the variable.
    QHash<QString, QString> environment;
};

// Runs one variant as a child process of program and returns its standard
// output, or nothing when it did not exit with 0.
std::optional<QByteArray> runChild(const QString &program, const BenchVariant &variant);

// Runs one variant as a child process of program that prints its figures
// (benchfigures.h): them, when it exited with 0 and printed every one of
// required; nothing otherwise, after naming the variant on stderr.
std::optional<BenchFigures> runChildFigures(const QString &program, const BenchVariant &variant,
                                            const QStringList &required);
// Runs every variant as a child process of program, round-robin, repeat
// times, so that a slow phase of a noisy machine hits every variant alike.
// A fresh process per measurement also matters for libvirt, whose event
// loop registration is process-wide and permanent. Each child prints one
// line "value <number>". Returns the median per label, or nothing (after
// naming the failed variant on stderr) when a child fails.
std::optional<QHash<QString, double>> runInterleaved(const QString &program,
                                                     const QList<BenchVariant> &variants,
                                                     int repeat);

// A program's arguments as QCommandLineParser::process() takes them, before
// any QCoreApplication exists (the driver and the children create theirs
// later, or never).
QStringList benchArguments(int argc, char **argv);

// Prints the child's one line.
void printBenchValue(double value);

// numerator / denominator with two decimals, or "-" without a denominator.
QString benchRatio(double numerator, double denominator);

#endif // QTVIRT_BENCH_INTERLEAVEDRUNS_H
