// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventwait.h"
#include "lifecyclestorm.h"
#include "testnode.h"
#include "variants.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>

#include <libvirt/libvirt.h>

#include <algorithm>
#include <cstdio>
#include <malloc.h>
#include <memory>
#include <vector>

namespace {

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

// The bytes malloc() has handed out and not taken back: the process's heap
// in use, whoever allocated it.
qint64 heapInUse()
{
    return static_cast<qint64>(mallinfo2().uordblks);
}

double percentile(std::vector<qint64> values, double fraction)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return static_cast<double>(values.at(at)) / 1e6;
}

// One statistics refresh of every domain: statsInterval 500 ms for two
// samples of each connection, the first of which changes every row's
// figures (one dataChanged() per connection).
void measureStatsRefresh(QVirtDomainModel &model, int connections, BenchFigures &figures)
{
    int changes = 0;
    const QMetaObject::Connection counting
        = QObject::connect(&model, &QAbstractItemModel::dataChanged, [&changes] { ++changes; });
    StallMeter stalls;
    stalls.start();
    QElapsedTimer clock;
    clock.start();
    model.setStatsInterval(500);
    runEventsUntil([&] { return changes >= connections && clock.elapsed() >= 1200; }, 30000);
    stalls.stop();
    model.setStatsInterval(0);
    QObject::disconnect(counting);
    figures.insert(QStringLiteral("statsStall"), stalls.worstStallMs());
    figures.insert(QStringLiteral("statsBusy"), stalls.worstBusyMs());
}

// A storm of lifecycle events at 1,000 per second for two seconds on the
// first connection (lifecyclestorm.h). The latency of an event runs from
// just before its call to the dataChanged() that shows the domain's new
// state: an upper bound of event to dataChanged().
void measureStorm(QVirtDomainModel &model, virConnectPtr conn, int domainsEach,
                  BenchFigures &figures)
{
    constexpr int Rate = 1000;
    // Two seconds, or two changes per domain for the CTest smoke run's few
    // domains, which only checks that the storm works.
    const int events = std::min(2000, 2 * domainsEach);
    LifecycleStorm storm(conn, domainsEach);
    if (!storm.isValid())
        return;
    std::vector<qint64> latencies;
    latencies.reserve(events);
    // The first connection's rows come first, in name order.
    const QMetaObject::Connection watching = QObject::connect(
        &model, &QAbstractItemModel::dataChanged,
        [&](const QModelIndex &from, const QModelIndex &to) {
            const qint64 now = storm.elapsedNs();
            for (int row = from.row(); row <= to.row() && row < domainsEach; ++row) {
                const QModelIndex index = model.index(row, 0);
                const qint64 latency = storm.settle(
                    testNodeDomainIndex(index.data(QVirtDomainModel::NameRole).toString()),
                    index.data(QVirtDomainModel::StateRole).toInt(), now);
                if (latency >= 0)
                    latencies.push_back(latency);
            }
        });
    StallMeter stalls;
    stalls.start();
    storm.start(events, Rate);
    runEventsUntil([&] { return storm.isDone(); }, 60000);
    const double seconds = storm.elapsedNs() / 1e9;
    const auto settled = [&] { return static_cast<int>(latencies.size()) + storm.overtaken(); };
    runEventsUntil([&] { return settled() >= storm.made(); }, 5000);
    stalls.stop();
    QObject::disconnect(watching);
    if (storm.failed() || settled() < storm.made()) {
        std::fprintf(stderr, "qtvirt: storm: %d events, %zu seen\n", storm.made(),
                     latencies.size());
        return;
    }
    figures.insert(QStringLiteral("stormRate"), storm.made() / seconds);
    figures.insert(QStringLiteral("stormP50"), percentile(latencies, 0.5));
    figures.insert(QStringLiteral("stormP99"), percentile(latencies, 0.99));
    figures.insert(QStringLiteral("stormStall"), stalls.worstStallMs());
}

} // namespace

BenchFigures listWithQtVirt(const QString &uri, int connections, int domainsEach)
{
    if (!QtVirtEventImpl::registerImpl())
        return {};
    std::vector<std::unique_ptr<QVirtConnection>> conns;
    for (int i = 0; i < connections; ++i) {
        conns.push_back(std::make_unique<QVirtConnection>());
        if (!conns.back()->openBlocking(uri)) {
            std::fprintf(stderr, "qtvirt: cannot open %s\n", qPrintable(uri));
            return {};
        }
    }
    BenchFigures figures;
    {
        QCoreApplication::processEvents();
        const qint64 heapBefore = heapInUse();
        QVirtDomainModel model;
        StallMeter stalls;
        stalls.start();
        QElapsedTimer clock;
        clock.start();
        for (const auto &conn : conns)
            model.addConnection(conn.get());
        const int expected = connections * domainsEach;
        if (!runEventsUntil([&] { return model.rowCount() == expected; }, 120000)) {
            std::fprintf(stderr, "qtvirt: only %d of %d rows\n", model.rowCount(), expected);
            return {};
        }
        figures.insert(QStringLiteral("rows"), clock.nsecsElapsed() / 1e9);
        figures.insert(QStringLiteral("rowsStall"), stalls.worstStallMs());
        figures.insert(QStringLiteral("rowsWaitcpu"), stalls.worstWaitMs());
        int checked = 0;
        if (!runEventsUntil([&] { return allDetailed(model, &checked); }, 120000)) {
            std::fprintf(stderr, "qtvirt: memory and vCPUs missing\n");
            return {};
        }
        figures.insert(QStringLiteral("details"), clock.nsecsElapsed() / 1e9);
        stalls.stop();
        figures.insert(QStringLiteral("stall"), stalls.worstStallMs());
        figures.insert(QStringLiteral("busy"), stalls.worstBusyMs());
        figures.insert(QStringLiteral("waitcpu"), stalls.worstWaitMs());
        // Once the listing's tasks and their results are gone, what the heap
        // holds more than before the model is the model's: libvirt keeps no
        // domain objects once the listing freed them.
        runEventsUntil([] { return false; }, 200);
        figures.insert(QStringLiteral("memory"),
                       static_cast<double>(heapInUse() - heapBefore) / expected);

        measureStatsRefresh(model, connections, figures);
        measureStorm(model, conns.front()->handle(), domainsEach, figures);
    }
    for (const auto &conn : conns)
        conn->close();
    QtVirtEventImpl::waitForPendingFrees();
    return figures;
}
