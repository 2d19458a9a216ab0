// SPDX-License-Identifier: LGPL-2.1-or-later
//
// qtvirt-bench-dashboard: how steadily the qml-dashboard example's window
// keeps drawing while a storm of lifecycle events hits the 1,000 domains it
// shows. The window asks for a new frame as soon as one is on the screen,
// as a running animation does; the gaps between frames are measured first
// on the quiet dashboard, then during the storm (2,000 events at 1,000 per
// second, lifecyclestorm.h), each run in a fresh child process.
//
// Needs the testbed (QTVIRT_TEST_URI: eval "$(scripts/testbed env)") and an
// X display, e.g.
//     xvfb-run -a -s "-screen 0 1280x800x24" qtvirt-bench-dashboard
// Qt Quick draws with its software renderer on the GUI thread (Xvfb has no
// OpenGL), so a frame gap is a time the GUI thread could not paint.

#include "benchfigures.h"
#include "eventwait.h"
#include "interleavedruns.h"
#include "lifecyclestorm.h"
#include "testnode.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtGui/QGuiApplication>
#include <QtQml/QQmlApplicationEngine>
#include <QtQuick/QQuickWindow>

#include <libvirt/virterror.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

struct Options
{
    QString node; // child mode
    int domains = 1000;
    int events = 2000;
    int rate = 1000;
    int repeat = 3;
};

Options parse(int argc, char **argv)
{
    QCommandLineParser parser;
    const QCommandLineOption node(QStringLiteral("node"),
                                  QStringLiteral("the test driver's node file (child mode)"),
                                  QStringLiteral("FILE"));
    const QCommandLineOption domains(QStringLiteral("domains"), QStringLiteral("domains (1000)"),
                                     QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption events(QStringLiteral("events"),
                                    QStringLiteral("lifecycle changes in the storm (2000)"),
                                    QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  QStringLiteral("changes per second (1000)"), QStringLiteral("N"),
                                  QStringLiteral("1000"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), QStringLiteral("runs (3)"),
                                    QStringLiteral("N"), QStringLiteral("3"));
    parser.addOptions({node, domains, events, rate, repeat});
    parser.parse(benchArguments(argc, argv));
    Options options;
    options.node = parser.value(node);
    options.domains = std::max(1, parser.value(domains).toInt());
    options.events = std::max(1, parser.value(events).toInt());
    options.rate = std::max(1, parser.value(rate).toInt());
    options.repeat = std::max(1, parser.value(repeat).toInt());
    return options;
}

// The gaps between the frames a window puts on the screen while it draws
// without pause: each frame asks for the next one. The figures are those of
// the last start() to stop().
class FrameMeter
{
public:
    explicit FrameMeter(QQuickWindow *window)
        : m_window(window)
    { }

    void start()
    {
        m_gapsNs.clear();
        m_clock.start();
        m_last = 0;
        m_watching = QObject::connect(m_window, &QQuickWindow::frameSwapped, m_window, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_gapsNs.push_back(now - m_last);
            m_last = now;
            m_window->update();
        });
        m_window->update();
    }

    void stop()
    {
        QObject::disconnect(m_watching);
        m_stoppedNs = m_clock.nsecsElapsed();
        // The gap up to now counts too: a frame that never came.
        m_gapsNs.push_back(m_stoppedNs - m_last);
    }

    double worstMs() const
    {
        return double(*std::max_element(m_gapsNs.cbegin(), m_gapsNs.cend())) / 1e6;
    }

    double medianMs() const
    {
        QList<double> gaps;
        for (const qint64 gap : m_gapsNs)
            gaps.append(double(gap) / 1e6);
        return benchMedian(gaps);
    }

    // Frames between start() and stop(): the last gap ends at stop().
    double framesPerSecond() const
    {
        return double(m_gapsNs.size() - 1) / (double(m_stoppedNs) / 1e9);
    }

private:
    QQuickWindow *m_window;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_stoppedNs = 0;
    // Never empty after stop().
    std::vector<qint64> m_gapsNs;
    QMetaObject::Connection m_watching;
};

// The domains the dashboard does not show in the state the storm left them.
int stateMismatches(const QVirtDomainModel &model, const LifecycleStorm &storm)
{
    int mismatches = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        const int expected = storm.expectedState(
            testNodeDomainIndex(index.data(QVirtDomainModel::NameRole).toString()));
        if (index.data(QVirtDomainModel::StateRole).toInt() != expected)
            ++mismatches;
    }
    return mismatches;
}

int measureDashboard(int argc, char **argv, const Options &options)
{
    // Before the application: Qt reads them when it starts.
    if (!qEnvironmentVariableIsSet("QT_QUICK_BACKEND"))
        qputenv("QT_QUICK_BACKEND", "software");
    if (!qEnvironmentVariableIsSet("QSG_RENDER_LOOP"))
        qputenv("QSG_RENDER_LOOP", "basic");
    QGuiApplication app(argc, argv);
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    if (!QtVirtEventImpl::registerImpl())
        return 1;
    const QString uri = testNodeUri(options.node, qgetenv("QTVIRT_TEST_URI"));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral(QTVIRT_QML_BUILD_IMPORT_PATH));
    engine.setInitialProperties({{QStringLiteral("uris"), QStringList{uri}}});
    engine.load(QUrl::fromLocalFile(QStringLiteral(QTVIRT_DASHBOARD_QML)));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    auto *model = window ? window->property("domainModel").value<QVirtDomainModel *>() : nullptr;
    if (!model) {
        std::fprintf(stderr, "the dashboard did not load\n");
        return 1;
    }
    if (!runEventsUntil([&] { return window->isExposed() && model->rowCount() == options.domains; },
                        120000)) {
        std::fprintf(stderr, "the dashboard shows %d of %d domains\n", model->rowCount(),
                     options.domains);
        return 1;
    }
    // The first statistics and every card drawn once.
    runEventsUntil([] { return false; }, 2000);

    BenchFigures figures;
    FrameMeter frames(window);
    frames.start();
    runEventsUntil([] { return false; }, 2000);
    frames.stop();
    figures.insert(QStringLiteral("quietWorst"), frames.worstMs());
    figures.insert(QStringLiteral("quietMedian"), frames.medianMs());
    figures.insert(QStringLiteral("quietFps"), frames.framesPerSecond());

    LifecycleStorm storm(model->connections().value(0)->handle(), options.domains);
    if (!storm.isValid()) {
        std::fprintf(stderr, "the node's domains are not bench-0 ... bench-%d\n",
                     options.domains - 1);
        return 1;
    }
    // The storm ends for the dashboard when its model shows the last change,
    // however far behind the calls that is.
    int shown = 0;
    const QMetaObject::Connection watching = QObject::connect(
        model, &QAbstractItemModel::dataChanged,
        [&](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
            // Not the statistics' changes of every row each second.
            if (!roles.isEmpty() && !roles.contains(QVirtDomainModel::StateRole))
                return;
            const qint64 now = storm.elapsedNs();
            for (int row = from.row(); row <= to.row(); ++row) {
                const QModelIndex index = model->index(row, 0);
                if (storm.settle(
                        testNodeDomainIndex(index.data(QVirtDomainModel::NameRole).toString()),
                        index.data(QVirtDomainModel::StateRole).toInt(), now)
                    >= 0)
                    ++shown;
            }
        });
    frames.start();
    storm.start(options.events, options.rate);
    runEventsUntil([&] { return storm.isDone(); }, 60000);
    const double stormSeconds = double(storm.elapsedNs()) / 1e9;
    const bool caughtUp
        = runEventsUntil([&] { return shown + storm.overtaken() >= storm.made(); }, 10000);
    frames.stop();
    QObject::disconnect(watching);
    if (storm.failed()) {
        std::fprintf(stderr, "a suspend or resume of the storm failed\n");
        return 1;
    }
    // Nothing lost: every row shows the state the storm left its domain in.
    if (!caughtUp || stateMismatches(*model, storm) != 0) {
        std::fprintf(stderr,
                     "the model showed %d of %d changes (%d overtaken), %d domains in a wrong "
                     "state\n",
                     shown, storm.made(), storm.overtaken(), stateMismatches(*model, storm));
        return 1;
    }
    figures.insert(QStringLiteral("stormWorst"), frames.worstMs());
    figures.insert(QStringLiteral("stormMedian"), frames.medianMs());
    figures.insert(QStringLiteral("stormFps"), frames.framesPerSecond());
    figures.insert(QStringLiteral("stormRate"), storm.made() / stormSeconds);

    printBenchFigures(figures);
    return 0;
}

int drive(const QString &program, const Options &options)
{
    if (!qEnvironmentVariableIsSet("QTVIRT_TEST_URI")) {
        std::fprintf(stderr, "QTVIRT_TEST_URI is not set: eval \"$(scripts/testbed env)\"\n");
        return 2;
    }
    if (!qEnvironmentVariableIsSet("DISPLAY")) {
        std::fprintf(stderr,
                     "no X display: run it under xvfb-run -a -s \"-screen 0 1280x800x24\"\n");
        return 2;
    }
    const TestNodeFile node(options.domains);
    if (node.path().isEmpty())
        return 3;

    std::printf("%d domains, storm of %d changes at %d per second\n", options.domains,
                options.events, options.rate);
    QMap<QString, QList<double>> results;
    for (int round = 0; round < options.repeat; ++round) {
        const BenchVariant variant{QStringLiteral("dashboard"),
                                   {QStringLiteral("--node"), node.path(),
                                    QStringLiteral("--domains"), QString::number(options.domains),
                                    QStringLiteral("--events"), QString::number(options.events),
                                    QStringLiteral("--rate"), QString::number(options.rate)},
                                   {}};
        const std::optional<QByteArray> output = runChild(program, variant);
        const BenchFigures figures = output ? parseBenchFigures(*output) : BenchFigures{};
        if (!figures.contains(QStringLiteral("stormWorst"))) {
            std::fprintf(stderr, "FAILED: round %d\n", round + 1);
            return 1;
        }
        std::printf("round %d:", round + 1);
        for (auto figure = figures.cbegin(); figure != figures.cend(); ++figure) {
            results[figure.key()].append(figure.value());
            std::printf("  %s %.4g", qPrintable(figure.key()), figure.value());
        }
        std::printf("\n");
        std::fflush(stdout);
    }
    std::printf("\nmedian [min-max] of %d runs (gaps in ms)\n", options.repeat);
    for (auto figure = results.cbegin(); figure != results.cend(); ++figure) {
        std::printf("%-12s %s\n", qPrintable(figure.key()),
                    qPrintable(benchSpread(figure.value())));
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    if (!options.node.isEmpty())
        return measureDashboard(argc, argv, options);
    QCoreApplication app(argc, argv);
    return drive(QCoreApplication::applicationFilePath(), options);
}
