// SPDX-License-Identifier: LGPL-2.1-or-later
//
// How long QVirtDomainModel takes from addConnection() to a complete model
// of many domains, and how long the model's thread stalls meanwhile.
//
// Each connection opens the testbed daemon's test driver with a node file
// of its own domains (test+unix:///DIR/node.xml?socket=...: the daemon
// gives every such connection a private driver instance), so N connections
// hold N x M domains. Reported per run: the time until every domain has a
// row, the time until every row also shows memory and vCPUs, and the worst
// lateness of a 1 ms heartbeat timer in the model's thread (the longest
// stall a GUI would suffer: 16 ms is one frame at 60 Hz). On a loaded
// machine that lateness includes time the thread waited for a CPU, so the
// thread's own CPU time between two beats is reported too: the longest
// piece of work the model did without returning to the event loop.
//
// Needs the testbed's environment (QTVIRT_TEST_URI): eval "$(scripts/testbed env)".

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>

#include <libvirt/virterror.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

QByteArray nodeXml(int domains)
{
    QByteArray xml = "<node>";
    for (int i = 0; i < domains; ++i) {
        xml += "<domain type='test'><name>bench-" + QByteArray::number(i)
            + "</name><memory>8192</memory><vcpu>2</vcpu><os><type>hvm</type></os></domain>";
    }
    return xml + "</node>";
}

// Runs the event loop until done() or the deadline; false on the deadline.
template<typename Done> bool runUntil(Done done, int deadlineMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > deadlineMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// Whether every row shows its vCPUs. Resumes at *checked, the first row not
// seen with them yet (rows keep them once they have them, and none is
// inserted any more), so that watching costs the measured thread little.
bool allDetailed(const QVirtDomainModel &model, int *checked)
{
    for (; *checked < model.rowCount(); ++*checked) {
        if (model.index(*checked, 0).data(QVirtDomainModel::VcpusRole).toUInt() == 0)
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("QVirtDomainModel listing time and stalls."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("connections"), QStringLiteral("Connections (10)."), QStringLiteral("n"),
         QStringLiteral("10")},
        {QStringLiteral("domains"), QStringLiteral("Domains per connection (1000)."),
         QStringLiteral("n"), QStringLiteral("1000")},
        {QStringLiteral("runs"), QStringLiteral("Runs (3)."), QStringLiteral("n"),
         QStringLiteral("3")},
    });
    parser.process(app);
    const int connections = std::max(1, parser.value(QStringLiteral("connections")).toInt());
    const int domains = std::max(1, parser.value(QStringLiteral("domains")).toInt());
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    const QByteArray testUri = qgetenv("QTVIRT_TEST_URI");
    const qsizetype query = testUri.indexOf('?');
    if (query < 0) {
        std::fprintf(stderr, "QTVIRT_TEST_URI is not set: eval \"$(scripts/testbed env)\"\n");
        return 2;
    }
    QTemporaryDir dir;
    QFile node(dir.filePath(QStringLiteral("node.xml")));
    if (!dir.isValid() || !node.open(QIODevice::WriteOnly) || node.write(nodeXml(domains)) < 0)
        return 3;
    node.close();
    const QString uri
        = QStringLiteral("test+unix://") + node.fileName() + QString::fromUtf8(testUri.mid(query));

    if (!QtVirtEventImpl::registerImpl())
        return 4;
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    std::printf("%d connections x %d domains\n", connections, domains);
    std::printf("run  rows complete (s)  details complete (s)  worst stall (ms)  "
                "worst busy (ms CPU)\n");
    for (int run = 1; run <= runs; ++run) {
        std::vector<std::unique_ptr<QVirtConnection>> conns;
        for (int i = 0; i < connections; ++i) {
            conns.push_back(std::make_unique<QVirtConnection>());
            if (!conns.back()->openBlocking(uri)) {
                std::fprintf(stderr, "cannot open %s\n", qPrintable(uri));
                return 5;
            }
        }
        QVirtDomainModel model;
        QElapsedTimer heartbeatClock;
        qint64 lastBeat = 0;
        qint64 worstGapNs = 0;
        qint64 lastCpu = threadCpuNs();
        qint64 worstBusyNs = 0;
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        heartbeat.setInterval(1);
        QObject::connect(&heartbeat, &QTimer::timeout, [&] {
            const qint64 now = heartbeatClock.nsecsElapsed();
            worstGapNs = std::max(worstGapNs, now - lastBeat);
            lastBeat = now;
            const qint64 cpu = threadCpuNs();
            worstBusyNs = std::max(worstBusyNs, cpu - lastCpu);
            lastCpu = cpu;
        });
        heartbeatClock.start();
        heartbeat.start();

        QElapsedTimer clock;
        clock.start();
        for (const auto &conn : conns)
            model.addConnection(conn.get());
        const int expected = connections * domains;
        if (!runUntil([&] { return model.rowCount() == expected; }, 120000)) {
            std::fprintf(stderr, "only %d of %d rows\n", model.rowCount(), expected);
            return 6;
        }
        const double rows = clock.nsecsElapsed() / 1e9;
        int checked = 0;
        if (!runUntil([&] { return allDetailed(model, &checked); }, 120000)) {
            std::fprintf(stderr, "details missing\n");
            return 7;
        }
        const double details = clock.nsecsElapsed() / 1e9;
        heartbeat.stop();
        // Lateness beyond the 1 ms period.
        std::printf("%3d  %18.3f  %20.3f  %16.1f  %19.1f\n", run, rows, details,
                    std::max<qint64>(0, worstGapNs - 1000000) / 1e6, worstBusyNs / 1e6);
        for (const auto &conn : conns)
            conn->close();
    }
    QtVirtEventImpl::waitForPendingFrees();
    return 0;
}
