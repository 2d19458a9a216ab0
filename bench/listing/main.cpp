// SPDX-License-Identifier: LGPL-2.1-or-later
//
// qtvirt-bench-listing: how long a manager waits from having its
// connections to a complete list of their domains, and how long its GUI
// thread stalls meanwhile, for QVirtDomainModel, libvirt-gobject and a
// qt-virt-manager-style poller.
//
// Each connection opens the testbed daemon's test driver with a node file
// of its own domains (test+unix:///DIR/node.xml?socket=...: the daemon
// gives every such connection a private driver instance), so N connections
// hold N x M domains. Without --variant this is the driver: it runs every
// variant in child processes of itself, round-robin with the order turning
// every round, and prints each run, the median and the range per figure.
//
// Needs the testbed's environment (QTVIRT_TEST_URI): eval "$(scripts/testbed env)".

#include "benchfigures.h"
#include "interleavedruns.h"
#include "testnode.h"
#include "variants.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>

#include <libvirt/virterror.h>

#include <algorithm>
#include <cstdio>

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

struct Options
{
    QString variant;
    QString node;
    int connections = 10;
    int domains = 1000;
    int repeat = 5;
};

Options parse(int argc, char **argv)
{
    QCommandLineParser parser;
    const QCommandLineOption variant(QStringLiteral("variant"),
                                     QStringLiteral("qtvirt, gobject or poller (child mode)"),
                                     QStringLiteral("NAME"));
    const QCommandLineOption node(QStringLiteral("node"),
                                  QStringLiteral("the test driver's node file (child mode)"),
                                  QStringLiteral("FILE"));
    const QCommandLineOption connections(QStringLiteral("connections"),
                                         QStringLiteral("connections (10)"), QStringLiteral("N"),
                                         QStringLiteral("10"));
    const QCommandLineOption domains(QStringLiteral("domains"),
                                     QStringLiteral("domains per connection (1000)"),
                                     QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("runs of each variant (5)"), QStringLiteral("N"),
                                    QStringLiteral("5"));
    parser.addOptions({variant, node, connections, domains, repeat});
    parser.parse(benchArguments(argc, argv));
    Options options;
    options.variant = parser.value(variant);
    options.node = parser.value(node);
    options.connections = std::max(1, parser.value(connections).toInt());
    options.domains = std::max(1, parser.value(domains).toInt());
    options.repeat = std::max(1, parser.value(repeat).toInt());
    return options;
}

int runVariant(int argc, char **argv, const Options &options)
{
    QCoreApplication app(argc, argv);
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    const QString uri = testNodeUri(options.node, qgetenv("QTVIRT_TEST_URI"));
    BenchFigures figures;
    if (options.variant == QLatin1String("qtvirt"))
        figures = listWithQtVirt(uri, options.connections, options.domains);
    else if (options.variant == QLatin1String("gobject"))
        figures = listWithGObject(uri, options.connections, options.domains);
    else if (options.variant == QLatin1String("poller"))
        figures = listWithPoller(uri, options.connections, options.domains);
    else
        std::fprintf(stderr, "unknown variant %s\n", qPrintable(options.variant));
    if (figures.isEmpty())
        return 1;
    printBenchFigures(figures);
    return 0;
}

int drive(const QString &program, const Options &options)
{
    if (!qEnvironmentVariableIsSet("QTVIRT_TEST_URI")) {
        std::fprintf(stderr, "QTVIRT_TEST_URI is not set: eval \"$(scripts/testbed env)\"\n");
        return 2;
    }
    const TestNodeFile node(options.domains);
    if (node.path().isEmpty())
        return 3;

    const QStringList variants
        = {QStringLiteral("qtvirt"), QStringLiteral("gobject"), QStringLiteral("poller")};
    const QStringList figureNames = {QStringLiteral("rows"), QStringLiteral("details"),
                                     QStringLiteral("stall"), QStringLiteral("busy")};
    QHash<QString, QHash<QString, QList<double>>> results;
    std::printf("%d connections x %d domains\n", options.connections, options.domains);
    std::printf("round  variant  rows (s)  details (s)  stall (ms)  busy (ms CPU)\n");
    for (int round = 0; round < options.repeat; ++round) {
        for (qsizetype k = 0; k < variants.size(); ++k) {
            const QString &name = variants.at((round + k) % variants.size());
            const BenchVariant variant{
                name,
                {QStringLiteral("--variant"), name, QStringLiteral("--node"), node.path(),
                 QStringLiteral("--connections"), QString::number(options.connections),
                 QStringLiteral("--domains"), QString::number(options.domains)},
                {}};
            const std::optional<BenchFigures> run = runChildFigures(program, variant, figureNames);
            if (!run)
                return 1;
            const BenchFigures &figures = *run;
            std::printf(
                "%5d  %-7s  %8.3f  %11.3f  %10.1f  %13.1f\n", round + 1, qPrintable(name),
                figures.value(QStringLiteral("rows")), figures.value(QStringLiteral("details")),
                figures.value(QStringLiteral("stall")), figures.value(QStringLiteral("busy")));
            std::fflush(stdout);
            // The figures beyond the four (only QtVirt's model has a storm,
            // a statistics refresh and a heap to measure).
            for (auto figure = figures.cbegin(); figure != figures.cend(); ++figure) {
                results[name][figure.key()].append(figure.value());
                if (!figureNames.contains(figure.key()))
                    std::printf("       %s %.4g\n", qPrintable(figure.key()), figure.value());
            }
        }
    }
    std::printf("\nmedian [min-max] of %d runs\n", options.repeat);
    for (const QString &name : variants) {
        std::printf("%-7s", qPrintable(name));
        QStringList figures = results[name].keys();
        std::sort(figures.begin(), figures.end());
        for (const QString &figure : figures) {
            std::printf("  %s %s", qPrintable(figure),
                        qPrintable(benchSpread(results[name][figure])));
        }
        std::printf("\n");
    }
    const double ours = benchMedian(results[QStringLiteral("qtvirt")][QStringLiteral("rows")]);
    std::printf("rows: gobject / qtvirt %s, poller / qtvirt %s (above 1: QtVirt is faster)\n",
                qPrintable(benchRatio(
                    benchMedian(results[QStringLiteral("gobject")][QStringLiteral("rows")]), ours)),
                qPrintable(benchRatio(
                    benchMedian(results[QStringLiteral("poller")][QStringLiteral("rows")]), ours)));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    if (!options.variant.isEmpty())
        return runVariant(argc, argv, options);
    QCoreApplication app(argc, argv);
    return drive(QCoreApplication::applicationFilePath(), options);
}
