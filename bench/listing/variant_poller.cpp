// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventwait.h"
#include "variants.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>

#include <libvirt/libvirt.h>

#include <cstdio>
#include <thread>
#include <vector>

namespace {

// What a poller thread hands to the main thread per domain.
struct PolledRow
{
    QString name;
    unsigned char state = 0;
    unsigned long memoryKiB = 0;
    unsigned short vcpus = 0;
};

// One poll of one connection, as qt-virt-manager's list thread does it:
// list, then one virDomainGetInfo() round trip per domain. Empty and false
// on failure.
bool pollOnce(virConnectPtr conn, QList<PolledRow> *rows)
{
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(conn, &domains, 0);
    if (count < 0)
        return false;
    bool ok = true;
    for (int i = 0; i < count; ++i) {
        virDomainInfo info{};
        if (virDomainGetInfo(domains[i], &info) < 0)
            ok = false;
        rows->append({QString::fromUtf8(virDomainGetName(domains[i])),
                      static_cast<unsigned char>(info.state), info.memory, info.nrVirtCpu});
        virDomainFree(domains[i]);
    }
    free(domains);
    return ok;
}

} // namespace

BenchFigures listWithPoller(const QString &uri, int connections, int domainsEach)
{
    const QByteArray uriBytes = uri.toUtf8();
    std::vector<virConnectPtr> conns;
    const auto closeAll = [&] {
        for (virConnectPtr conn : conns)
            virConnectClose(conn);
    };
    for (int i = 0; i < connections; ++i) {
        virConnectPtr conn = virConnectOpen(uriBytes.constData());
        if (!conn) {
            std::fprintf(stderr, "poller: cannot open %s\n", uriBytes.constData());
            closeAll();
            return {};
        }
        conns.push_back(conn);
    }
    QList<PolledRow> model;
    int finished = 0;
    bool ok = true;
    StallMeter stalls;
    stalls.start();
    QElapsedTimer clock;
    clock.start();
    std::vector<std::thread> threads;
    for (virConnectPtr conn : conns) {
        threads.emplace_back([conn, &model, &finished, &ok] {
            QList<PolledRow> rows;
            const bool polled = pollOnce(conn, &rows);
            // The rows reach the model in the main thread, as a queued
            // signal would bring them.
            QMetaObject::invokeMethod(
                qApp,
                [rows = std::move(rows), polled, &model, &finished, &ok] {
                    model.append(rows);
                    ok = ok && polled;
                    ++finished;
                },
                Qt::QueuedConnection);
        });
    }
    const bool inTime = runEventsUntil([&] { return finished >= connections; }, 120000);
    const double elapsed = clock.nsecsElapsed() / 1e9;
    stalls.stop();
    for (std::thread &thread : threads)
        thread.join();
    // The rows of a thread that ended after the deadline, delivered while
    // what they refer to still exists.
    QCoreApplication::sendPostedEvents(qApp, QEvent::MetaCall);
    closeAll();
    if (!inTime || !ok || model.size() != connections * domainsEach) {
        std::fprintf(stderr, "poller: %lld of %d domains\n", static_cast<long long>(model.size()),
                     connections * domainsEach);
        return {};
    }
    BenchFigures figures;
    figures.insert(QStringLiteral("rows"), elapsed);
    figures.insert(QStringLiteral("details"), elapsed);
    figures.insert(QStringLiteral("stall"), stalls.worstStallMs());
    figures.insert(QStringLiteral("busy"), stalls.worstBusyMs());
    return figures;
}
