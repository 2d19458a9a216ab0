// SPDX-License-Identifier: LGPL-2.1-or-later
//
// qtvirt-bench-events: latency and throughput of lifecycle events, from the
// call that causes each to the slot that receives it in the main thread,
// for QVirtConnection and for libvirt's default loop in a QThread.
//
// Without --variant it is the driver: it runs each variant in child
// processes of itself, interleaved, and prints every run and the medians.

#include "interleavedruns.h"
#include "variants.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QProcess>

#include <algorithm>
#include <cstdio>

namespace {

struct Options
{
    QString variant;
    QByteArray uri;
    int events = 2000;
    int repeat = 5;
};

Options parse(int argc, char **argv)
{
    const QStringList arguments = benchArguments(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption variant(QStringLiteral("variant"),
                                     QStringLiteral("qtvirt or loop-thread (child mode)"),
                                     QStringLiteral("NAME"));
    const QCommandLineOption uri(QStringLiteral("uri"),
                                 QStringLiteral("test+unix URI (default: $QTVIRT_TEST_URI)"),
                                 QStringLiteral("URI"));
    const QCommandLineOption events(QStringLiteral("events"),
                                    QStringLiteral("lifecycle events per run (even)"),
                                    QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("runs of each variant"), QStringLiteral("N"),
                                    QStringLiteral("5"));
    parser.addOptions({variant, uri, events, repeat});
    parser.parse(arguments);
    Options options;
    options.variant = parser.value(variant);
    options.uri = parser.isSet(uri) ? parser.value(uri).toUtf8() : qgetenv("QTVIRT_TEST_URI");
    options.events = std::max(2, parser.value(events).toInt() / 2 * 2);
    options.repeat = std::max(1, parser.value(repeat).toInt());
    return options;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

int drive(const Options &options)
{
    const QStringList variants = {QStringLiteral("qtvirt"), QStringLiteral("loop-thread")};
    QList<Measurement> results[2];
    for (int round = 0; round < options.repeat; ++round) {
        // Alternate which variant goes first, so that drift hits both.
        for (int k = 0; k < 2; ++k) {
            const int v = (round + k) % 2;
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            // Both on Qt's Unix dispatcher: on the GLib one, Qt's main thread
            // owns g_main_context_default(), which libvirt 9.0's default loop
            // iterates too, so the loop thread never gets it (BENCHMARKS.md).
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_NO_GLIB"), QStringLiteral("1"));
            child.setProcessEnvironment(env);
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--variant"), variants.at(v), QStringLiteral("--uri"),
                         QString::fromUtf8(options.uri), QStringLiteral("--events"),
                         QString::number(options.events)});
            Measurement m;
            if (!child.waitForFinished(120000) || child.exitCode() != 0
                || !Measurement::fromLine(child.readAllStandardOutput(), &m)
                || m.received != options.events) {
                std::fprintf(stderr, "%s run %d failed\n", qPrintable(variants.at(v)), round);
                return 1;
            }
            std::printf("run %d %-12s p50 %8.1f us  p99 %8.1f us  %8.0f events/s\n", round,
                        qPrintable(variants.at(v)), m.p50Us, m.p99Us, m.eventsPerSecond);
            results[v].append(m);
        }
    }
    std::printf("\nmedian of %d runs, %d events each\n", options.repeat, options.events);
    for (int v = 0; v < 2; ++v) {
        QList<double> p50, p99, rate;
        for (const Measurement &m : results[v]) {
            p50.append(m.p50Us);
            p99.append(m.p99Us);
            rate.append(m.eventsPerSecond);
        }
        std::printf("%-12s p50 %8.1f us  p99 %8.1f us  %8.0f events/s\n",
                    qPrintable(variants.at(v)), median(p50), median(p99), median(rate));
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    if (options.uri.isEmpty()) {
        std::fprintf(stderr, "no URI: pass --uri or export QTVIRT_TEST_URI\n");
        return 2;
    }
    if (options.variant.isEmpty()) {
        QCoreApplication app(argc, argv);
        return drive(options);
    }
    Measurement m;
    if (options.variant == QLatin1String("qtvirt"))
        m = runQtVirt(argc, argv, options.uri, options.events);
    else if (options.variant == QLatin1String("loop-thread"))
        m = runLoopThread(argc, argv, options.uri, options.events);
    else
        return 2;
    if (m.received != options.events)
        return 1;
    std::printf("%s\n", m.toLine().constData());
    return 0;
}
