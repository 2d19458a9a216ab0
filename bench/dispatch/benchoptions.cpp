// SPDX-License-Identifier: LGPL-2.1-or-later
#include "benchoptions.h"

#include <QtCore/QCommandLineParser>

#include <cstdio>
#include <cstdlib>

namespace {

int positiveValue(const QCommandLineParser &parser, const QCommandLineOption &option, int minimum)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < minimum) {
        std::fprintf(stderr, "--%s takes a whole number of at least %d\n",
                     qPrintable(option.names().constFirst()), minimum);
        std::exit(2);
    }
    return value;
}

} // namespace

BenchOptions parseBenchOptions(const QStringList &arguments)
{
    BenchOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Round trips between two pipes, each one two READABLE dispatches, on "
                       "QtVirtEventImpl and its peers. Without --variant, runs every variant "
                       "in its own process, interleaved, and prints medians and ratios."));
    parser.addHelpOption();
    const QCommandLineOption variant(QStringLiteral("variant"),
                                     QStringLiteral("Measure only this variant, in this process."),
                                     QStringLiteral("name"));
    const QCommandLineOption roundTrips(QStringLiteral("round-trips"),
                                        QStringLiteral("Round trips per measurement."),
                                        QStringLiteral("n"), QString::number(options.roundTrips));
    const QCommandLineOption idleHandles(
        QStringLiteral("idle-handles"),
        QStringLiteral("Further registered handles that never fire."), QStringLiteral("n"),
        QStringLiteral("0"));
    const QCommandLineOption idleTimers(QStringLiteral("idle-timers"),
                                        QStringLiteral("Registered timers that never fire."),
                                        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("Interleaved measurements of each variant."),
                                    QStringLiteral("n"), QString::number(options.repeat));
    parser.addOptions({variant, roundTrips, idleHandles, idleTimers, repeat});
    parser.process(arguments);

    options.variant = parser.value(variant);
    options.roundTrips = positiveValue(parser, roundTrips, 100);
    options.idleHandles = positiveValue(parser, idleHandles, 0);
    options.idleTimers = positiveValue(parser, idleTimers, 0);
    options.repeat = positiveValue(parser, repeat, 1);
    return options;
}

QStringList variantArguments(const BenchOptions &options, const QString &variant)
{
    return {QStringLiteral("--variant"),      variant,
            QStringLiteral("--round-trips"),  QString::number(options.roundTrips),
            QStringLiteral("--idle-handles"), QString::number(options.idleHandles),
            QStringLiteral("--idle-timers"),  QString::number(options.idleTimers)};
}
