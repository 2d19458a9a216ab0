// SPDX-License-Identifier: LGPL-2.1-or-later
#include "interleavedruns.h"
#include "updateloops.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

#include <cstdio>
#include <cstdlib>

namespace {

struct Options
{
    QString loop; // empty: run the driver
    UpdateKind kind = UpdateKind::Handle;
    UpdateCaller caller = UpdateCaller::LoopThread;
    int updates = 200000;
    int repeat = 5;
};

int wholeNumber(const QCommandLineParser &parser, const QString &name, int minimum)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < minimum) {
        std::fprintf(stderr, "--%s takes a whole number of at least %d\n", qPrintable(name),
                     minimum);
        std::exit(2);
    }
    return value;
}

Options parseOptions(int argc, char **argv)
{
    const QStringList arguments = benchArguments(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Handle (0 <-> READABLE) and timeout (-1 <-> 0) updates per second, "
                       "from the loop thread and from another thread, on QtVirtEventImpl and "
                       "on libvirt's default loop. Without --loop, runs every combination in "
                       "its own process, interleaved, and prints medians and ratios."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("loop"), QStringLiteral("libvirt-default or qtvirt."),
         QStringLiteral("name")},
        {QStringLiteral("kind"), QStringLiteral("handle or timeout."), QStringLiteral("kind"),
         QStringLiteral("handle")},
        {QStringLiteral("from"), QStringLiteral("loop or other (thread)."),
         QStringLiteral("caller"), QStringLiteral("loop")},
        {QStringLiteral("updates"), QStringLiteral("Updates per measurement."), QStringLiteral("n"),
         QStringLiteral("200000")},
        {QStringLiteral("repeat"), QStringLiteral("Interleaved measurements of each."),
         QStringLiteral("n"), QStringLiteral("5")},
    });
    parser.process(arguments);

    Options options;
    options.loop = parser.value(QStringLiteral("loop"));
    options.kind = parser.value(QStringLiteral("kind")) == QLatin1String("timeout")
        ? UpdateKind::Timeout
        : UpdateKind::Handle;
    options.caller = parser.value(QStringLiteral("from")) == QLatin1String("other")
        ? UpdateCaller::OtherThread
        : UpdateCaller::LoopThread;
    options.updates = wholeNumber(parser, QStringLiteral("updates"), 2);
    options.repeat = wholeNumber(parser, QStringLiteral("repeat"), 1);
    return options;
}

int runDriver(const Options &options)
{
    const QStringList kinds{QStringLiteral("handle"), QStringLiteral("timeout")};
    const QStringList callers{QStringLiteral("loop"), QStringLiteral("other")};
    const QList<QPair<QString, QString>> loops{
        {QStringLiteral("libvirt-default"), {}},
        {QStringLiteral("qtvirt/glib"), {}},
        {QStringLiteral("qtvirt/unix"), QStringLiteral("1")}};
    QList<BenchVariant> runs;
    for (const QString &kind : kinds) {
        for (const QString &caller : callers) {
            for (const auto &[loop, noGlib] : loops) {
                runs.append({kind + QLatin1Char('/') + caller + QLatin1Char('/') + loop,
                             {QStringLiteral("--loop"), loop.section(QLatin1Char('/'), 0, 0),
                              QStringLiteral("--kind"), kind, QStringLiteral("--from"), caller,
                              QStringLiteral("--updates"), QString::number(options.updates)},
                             {{QStringLiteral("QT_NO_GLIB"), noGlib}}});
            }
        }
    }
    const std::optional<QHash<QString, double>> medians
        = runInterleaved(QCoreApplication::applicationFilePath(), runs, options.repeat);
    if (!medians)
        return 1;

    QTextStream out(stdout);
    out << "Updates per second, median of " << options.repeat << " interleaved runs of "
        << options.updates << " updates\n";
    out << qSetFieldWidth(20) << Qt::left << "update"
        << "libvirt-default"
        << "qtvirt/glib"
        << "qtvirt/unix"
        << "ratio glib"
        << "ratio unix" << qSetFieldWidth(0) << '\n';
    for (const QString &kind : kinds) {
        for (const QString &caller : callers) {
            const QString row = kind + QLatin1Char('/') + caller;
            const double base = medians->value(row + QStringLiteral("/libvirt-default"));
            const double glib = medians->value(row + QStringLiteral("/qtvirt/glib"));
            const double unix = medians->value(row + QStringLiteral("/qtvirt/unix"));
            out << qSetFieldWidth(20) << row
                << QString::number(base / 1000, 'f', 0) + QLatin1Char('k')
                << QString::number(glib / 1000, 'f', 0) + QLatin1Char('k')
                << QString::number(unix / 1000, 'f', 0) + QLatin1Char('k') << benchRatio(glib, base)
                << benchRatio(unix, base) << qSetFieldWidth(0) << '\n';
        }
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
    double rate = -1;
    if (options.loop == QLatin1String("libvirt-default"))
        rate = updatesWithLibvirtDefault(options.kind, options.caller, options.updates);
    else if (options.loop == QLatin1String("qtvirt"))
        rate = updatesWithQtVirt(argc, argv, options.kind, options.caller, options.updates);
    if (rate <= 0)
        return 1;
    printBenchValue(rate);
    return 0;
}
