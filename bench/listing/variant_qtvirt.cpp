// SPDX-License-Identifier: LGPL-2.1-or-later
#include "variants.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>

#include <cstdio>
#include <memory>
#include <vector>

namespace {

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

ListingFigures listWithQtVirt(const QString &uri, int connections, int domainsEach)
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
    ListingFigures figures;
    {
        QVirtDomainModel model;
        StallMeter stalls;
        stalls.start();
        QElapsedTimer clock;
        clock.start();
        for (const auto &conn : conns)
            model.addConnection(conn.get());
        const int expected = connections * domainsEach;
        if (!runUntil([&] { return model.rowCount() == expected; }, 120000)) {
            std::fprintf(stderr, "qtvirt: only %d of %d rows\n", model.rowCount(), expected);
            return {};
        }
        figures.insert(QStringLiteral("rows"), clock.nsecsElapsed() / 1e9);
        int checked = 0;
        if (!runUntil([&] { return allDetailed(model, &checked); }, 120000)) {
            std::fprintf(stderr, "qtvirt: memory and vCPUs missing\n");
            return {};
        }
        figures.insert(QStringLiteral("details"), clock.nsecsElapsed() / 1e9);
        stalls.stop();
        figures.insert(QStringLiteral("stall"), stalls.worstStallMs());
        figures.insert(QStringLiteral("busy"), stalls.worstBusyMs());
    }
    for (const auto &conn : conns)
        conn->close();
    QtVirtEventImpl::waitForPendingFrees();
    return figures;
}
