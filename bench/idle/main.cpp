// SPDX-License-Identifier: LGPL-2.1-or-later
#include "idleloops.h"
#include "interleavedruns.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

#include <cstdio>
#include <cstdlib>

namespace {

struct Options
{
    QString loop; // empty: run the driver
    int intervalMs = 5000;
    int periods = 3;
    bool check = false;
};

Options parseOptions(int argc, char **argv)
{
    const QStringList arguments = benchArguments(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("With one timer registered (a keepalive), counts how often the loop "
                       "thread wakes and how much CPU it uses per period, on QtVirtEventImpl "
                       "under both Qt dispatchers and on libvirt's default loop."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("loop"), QStringLiteral("libvirt-default or qtvirt."),
         QStringLiteral("name")},
        {QStringLiteral("interval"), QStringLiteral("The timer's period in ms."),
         QStringLiteral("ms"), QStringLiteral("5000")},
        {QStringLiteral("periods"), QStringLiteral("Periods to measure."), QStringLiteral("n"),
         QStringLiteral("3")},
        {QStringLiteral("check"),
         QStringLiteral("Exit with 1 when a QtVirt loop wakes more than once per period.")},
    });
    parser.process(arguments);
    Options options;
    options.loop = parser.value(QStringLiteral("loop"));
    options.intervalMs = parser.value(QStringLiteral("interval")).toInt();
    options.periods = parser.value(QStringLiteral("periods")).toInt();
    options.check = parser.isSet(QStringLiteral("check"));
    if (options.intervalMs < 1 || options.periods < 1) {
        std::fprintf(stderr, "--interval and --periods take positive whole numbers\n");
        std::exit(2);
    }
    return options;
}

int runDriver(const Options &options)
{
    const QList<QPair<QString, QString>> loops{
        {QStringLiteral("libvirt-default"), {}},
        {QStringLiteral("qtvirt/glib"), {}},
        {QStringLiteral("qtvirt/unix"), QStringLiteral("1")}};
    QTextStream out(stdout);
    out << "One " << options.intervalMs << " ms timer, " << options.periods << " periods\n";
    out << qSetFieldWidth(18) << Qt::left << "loop"
        << "firings"
        << "wakeups"
        << "wakeups/period"
        << "CPU ms/period" << qSetFieldWidth(0) << '\n';
    bool ok = true;
    for (const auto &[loop, noGlib] : loops) {
        const BenchVariant variant{loop,
                                   {QStringLiteral("--loop"), loop.section(QLatin1Char('/'), 0, 0),
                                    QStringLiteral("--interval"),
                                    QString::number(options.intervalMs),
                                    QStringLiteral("--periods"), QString::number(options.periods)},
                                   {{QStringLiteral("QT_NO_GLIB"), noGlib}}};
        const std::optional<QByteArray> output
            = runChild(QCoreApplication::applicationFilePath(), variant);
        const QList<QByteArray> fields
            = output ? output->trimmed().split(' ') : QList<QByteArray>();
        if (fields.size() != 3) {
            std::fprintf(stderr, "FAILED: %s\n", qPrintable(loop));
            return 1;
        }
        const int firings = fields[0].toInt();
        const double wakeupsPerPeriod = fields[1].toDouble() / firings;
        out << qSetFieldWidth(18) << loop << fields[0] << fields[1]
            << QString::number(wakeupsPerPeriod, 'f', 2)
            << QString::number(fields[2].toDouble() / firings, 'f', 3) << qSetFieldWidth(0) << '\n';
        if (loop.startsWith(QLatin1String("qtvirt"))
            && (firings != options.periods || wakeupsPerPeriod > 1.0))
            ok = false;
    }
    if (options.check && !ok) {
        out << "FAILED: a QtVirt loop woke more than once per period\n";
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parseOptions(argc, argv);
    if (options.loop.isEmpty()) {
        QCoreApplication app(argc, argv);
        return runDriver(options);
    }
    IdleReport report;
    if (options.loop == QLatin1String("libvirt-default"))
        report = idleWithLibvirtDefault(options.intervalMs, options.periods);
    else if (options.loop == QLatin1String("qtvirt"))
        report = idleWithQtVirt(argc, argv, options.intervalMs, options.periods);
    else
        return 2;
    std::printf("%d %ld %.3f\n", report.firings, report.wakeups, report.cpuMs);
    return 0;
}
