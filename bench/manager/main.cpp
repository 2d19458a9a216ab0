// SPDX-License-Identifier: LGPL-2.1-or-later
//
// qtvirt-bench-manager: what a VM manager's main window costs while it
// shows 1,000 domains with statistics every 2 s and nothing else happens:
// its processor time, the daemon's, its resident memory and its GUI
// thread's worst stall; for the qt-manager example (QVirtDomainModel) and
// for qt-virt-manager's approach (a thread polling virDomainGetInfo() per
// domain). Also how long each takes to show every row.
//
// The domains are the test driver's, from a node file of their own
// (testnode.h). Without --variant this is the driver: it runs both
// variants in child processes of itself, round-robin with the order
// turning every round, and prints each run, the median and the range.
//
// Needs the testbed (eval "$(scripts/testbed env)") and an X display, e.g.
//     xvfb-run -a -s "-screen 0 1280x800x24" qtvirt-bench-manager

#include "benchfigures.h"
#include "interleavedruns.h"
#include "testnode.h"
#include "variants.h"

#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCommandLineParser>
#include <QtWidgets/QApplication>

#include <libvirt/virterror.h>

#include <algorithm>
#include <cstdio>

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

struct Options
{
    QString variant; // child mode
    QString node;    // child mode
    int domains = 1000;
    int seconds = 20;
    int repeat = 3;
};

Options parse(int argc, char **argv)
{
    QCommandLineParser parser;
    const QCommandLineOption variant(QStringLiteral("variant"),
                                     QStringLiteral("qtmanager or poller (child mode)"),
                                     QStringLiteral("NAME"));
    const QCommandLineOption node(QStringLiteral("node"),
                                  QStringLiteral("the test driver's node file (child mode)"),
                                  QStringLiteral("FILE"));
    const QCommandLineOption domains(QStringLiteral("domains"), QStringLiteral("domains (1000)"),
                                     QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("idle time measured (20)"), QStringLiteral("N"),
                                     QStringLiteral("20"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), QStringLiteral("runs of each (3)"),
                                    QStringLiteral("N"), QStringLiteral("3"));
    parser.addOptions({variant, node, domains, seconds, repeat});
    parser.parse(benchArguments(argc, argv));
    Options options;
    options.variant = parser.value(variant);
    options.node = parser.value(node);
    options.domains = std::max(1, parser.value(domains).toInt());
    options.seconds = std::max(1, parser.value(seconds).toInt());
    options.repeat = std::max(1, parser.value(repeat).toInt());
    return options;
}

int runVariant(int argc, char **argv, const Options &options)
{
    QApplication app(argc, argv);
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    const QString uri = testNodeUri(options.node, qgetenv("QTVIRT_TEST_URI"));
    BenchFigures figures;
    if (options.variant == QLatin1String("qtmanager")) {
        // As qt-manager's main() does; the poller runs libvirt's own loop.
        if (!QtVirtEventImpl::registerImpl()) {
            std::fprintf(stderr, "cannot register QtVirt's event loop\n");
            return 1;
        }
        figures = measureQtManager(uri, options.domains, options.seconds);
    } else if (options.variant == QLatin1String("poller"))
        figures = measurePoller(uri, options.domains, options.seconds);
    else
        std::fprintf(stderr, "unknown variant %s\n", qPrintable(options.variant));
    if (figures.isEmpty())
        return 1;
    printBenchFigures(figures);
    return 0;
}

int drive(const QString &program, const Options &options)
{
    if (!qEnvironmentVariableIsSet("QTVIRT_TEST_URI")
        || !qEnvironmentVariableIsSet("QTVIRT_TESTBED_DIR")) {
        std::fprintf(stderr,
                     "the testbed's environment is not set: "
                     "eval \"$(scripts/testbed env)\"\n");
        return 2;
    }
    const TestNodeFile node(options.domains);
    if (node.path().isEmpty())
        return 3;

    const QStringList variants = {QStringLiteral("qtmanager"), QStringLiteral("poller")};
    const QStringList figureNames
        = {QStringLiteral("ready"),     QStringLiteral("startStall"), QStringLiteral("cpu"),
           QStringLiteral("daemonCpu"), QStringLiteral("rss"),        QStringLiteral("stall"),
           QStringLiteral("busy")};
    QHash<QString, QHash<QString, QList<double>>> results;
    std::printf("%d domains, statistics every %d ms, %d s measured\n", options.domains,
                StatsIntervalMs, options.seconds);
    std::printf("round  variant    ready (s)  start stall (ms)  cpu (%%)  daemon cpu (%%)  "
                "rss (MiB)  stall (ms)  busy (ms)\n");
    for (int round = 0; round < options.repeat; ++round) {
        for (qsizetype k = 0; k < variants.size(); ++k) {
            const QString &name = variants.at((round + k) % variants.size());
            const BenchVariant variant{
                name,
                {QStringLiteral("--variant"), name, QStringLiteral("--node"), node.path(),
                 QStringLiteral("--domains"), QString::number(options.domains),
                 QStringLiteral("--seconds"), QString::number(options.seconds)},
                {}};
            const std::optional<BenchFigures> run = runChildFigures(program, variant, figureNames);
            if (!run)
                return 1;
            const BenchFigures &figures = *run;
            std::printf(
                "%5d  %-9s  %9.3f  %16.1f  %7.2f  %14.2f  %9.1f  %10.1f  %9.1f\n", round + 1,
                qPrintable(name), figures.value(QStringLiteral("ready")),
                figures.value(QStringLiteral("startStall")), figures.value(QStringLiteral("cpu")),
                figures.value(QStringLiteral("daemonCpu")), figures.value(QStringLiteral("rss")),
                figures.value(QStringLiteral("stall")), figures.value(QStringLiteral("busy")));
            std::fflush(stdout);
            for (const QString &figure : figureNames)
                results[name][figure].append(figures.value(figure));
        }
    }
    std::printf("\nmedian [min-max] of %d runs\n", options.repeat);
    for (const QString &name : variants) {
        std::printf("%-9s", qPrintable(name));
        for (const QString &figure : figureNames)
            std::printf("  %s %s", qPrintable(figure),
                        qPrintable(benchSpread(results[name][figure])));
        std::printf("\n");
    }
    std::printf("poller / qtmanager (above 1: QtVirt costs less):");
    for (const QString &figure : figureNames) {
        std::printf(
            " %s %s", qPrintable(figure),
            qPrintable(benchRatio(benchMedian(results[QStringLiteral("poller")][figure]),
                                  benchMedian(results[QStringLiteral("qtmanager")][figure]))));
    }
    std::printf("\n");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    if (!options.variant.isEmpty())
        return runVariant(argc, argv, options);
    // The driver shows nothing.
    QCoreApplication app(argc, argv);
    return drive(QCoreApplication::applicationFilePath(), options);
}
