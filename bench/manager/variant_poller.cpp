// SPDX-License-Identifier: LGPL-2.1-or-later
#include "variants.h"
#include "windowmeasurement.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QLocale>
#include <QtCore/QPointer>
#include <QtGui/QStandardItemModel>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMainWindow>
#include <QtWidgets/QTableView>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace {

enum Column { NameColumn, StateColumn, CpuColumn, MemoryColumn, VcpusColumn, ColumnCount };

// One domain as the poller thread hands it over.
struct PolledRow
{
    QString uuid;
    QString name;
    int state = 0;
    qulonglong memoryKiB = 0;
    int vcpus = 0;
    // Busy share of its vCPUs since the last poll; negative on the first.
    double cpuPercent = -1;
};

// The thread of qt-virt-manager's approach: every interval a listing and
// one virDomainGetInfo() round trip per domain, CPU % from the change of
// each domain's CPU time, the rows posted to the main thread.
class PollerThread
{
public:
    PollerThread(const QString &uri, QObject *receiver,
                 std::function<void(const QList<PolledRow> &)> deliver)
        : m_thread([this, uri = uri.toUtf8(), receiver = QPointer<QObject>(receiver), deliver] {
            run(uri, receiver, deliver);
        })
    { }
    ~PollerThread()
    {
        {
            const std::lock_guard locker(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    PollerThread(const PollerThread &) = delete;
    PollerThread &operator=(const PollerThread &) = delete;

private:
    void run(const QByteArray &uri, const QPointer<QObject> &receiver,
             const std::function<void(const QList<PolledRow> &)> &deliver)
    {
        // Opened here, as qt-virt-manager's connection thread does, and
        // within the time measured, as qt-manager's is.
        virConnectPtr conn = virConnectOpen(uri.constData());
        if (!conn) {
            std::fprintf(stderr, "poller: cannot open %s: %s\n", uri.constData(),
                         virGetLastErrorMessage());
            return;
        }
        // CPU time (ns) and when it was read, per UUID.
        QHash<QString, std::pair<qulonglong, std::chrono::steady_clock::time_point>> last;
        // At a fixed rate, as QtVirt's statistics timer: the next poll is
        // due an interval after the last one began, not after it ended.
        auto due = std::chrono::steady_clock::now();
        std::unique_lock locker(m_mutex);
        while (!m_stop) {
            locker.unlock();
            QList<PolledRow> rows = poll(conn, last);
            QMetaObject::invokeMethod(
                receiver.data(), [deliver, rows = std::move(rows)] { deliver(rows); },
                Qt::QueuedConnection);
            locker.lock();
            due += std::chrono::milliseconds(StatsIntervalMs);
            m_wake.wait_until(locker, due, [this] { return m_stop; });
        }
        locker.unlock();
        virConnectClose(conn);
    }

    static QList<PolledRow> poll(
        virConnectPtr conn,
        QHash<QString, std::pair<qulonglong, std::chrono::steady_clock::time_point>> &last)
    {
        QList<PolledRow> rows;
        virDomainPtr *domains = nullptr;
        const int count = virConnectListAllDomains(conn, &domains, 0);
        if (count < 0)
            std::fprintf(stderr, "poller: cannot list the domains: %s\n", virGetLastErrorMessage());
        for (int i = 0; i < count; ++i) {
            virDomainPtr dom
                = domains[i]; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
            virDomainInfo info{};
            char uuid[VIR_UUID_STRING_BUFLEN] = {};
            if (virDomainGetInfo(dom, &info) == 0 && virDomainGetUUIDString(dom, uuid) == 0) {
                PolledRow row{QString::fromLatin1(uuid), QString::fromUtf8(virDomainGetName(dom)),
                              int(info.state),           info.memory,
                              int(info.nrVirtCpu),       -1};
                const auto now = std::chrono::steady_clock::now();
                const auto before = last.constFind(row.uuid);
                if (before != last.cend() && info.nrVirtCpu > 0) {
                    const double wallNs = double(
                        std::chrono::duration_cast<std::chrono::nanoseconds>(now - before->second)
                            .count());
                    row.cpuPercent
                        = 100.0 * double(info.cpuTime - before->first) / (wallNs * info.nrVirtCpu);
                }
                last.insert(row.uuid, {info.cpuTime, now});
                rows.append(row);
            }
            virDomainFree(dom);
        }
        free(domains); // NOLINT(cppcoreguidelines-no-malloc): libvirt allocated it
        return rows;
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

// The main thread's side: a row per domain, and only the cells whose text
// changed set again, so that an idle host costs the view nothing.
class PolledModel : public QStandardItemModel
{
public:
    PolledModel()
        : QStandardItemModel(0, ColumnCount)
    {
        setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("State"),
                                   QStringLiteral("CPU %"), QStringLiteral("Memory"),
                                   QStringLiteral("vCPUs")});
    }

    void apply(const QList<PolledRow> &rows)
    {
        for (const PolledRow &row : rows) {
            const QStringList texts = {
                row.name,
                QString::number(row.state),
                row.cpuPercent < 0 ? QString() : QString::number(row.cpuPercent, 'f', 1),
                QLocale().formattedDataSize(qint64(row.memoryKiB) * 1024),
                QString::number(row.vcpus),
            };
            const auto found = m_rows.constFind(row.uuid);
            if (found == m_rows.cend()) {
                QList<QStandardItem *> items;
                for (const QString &text : texts)
                    items.append(new QStandardItem(text));
                m_rows.insert(row.uuid, rowCount());
                appendRow(items);
                continue;
            }
            for (int column = 0; column < ColumnCount; ++column) {
                QStandardItem *cell = item(*found, column);
                if (cell->text() != texts.at(column))
                    cell->setText(texts.at(column));
            }
            m_statsShown = m_statsShown || row.cpuPercent >= 0;
        }
    }
    bool statsShown() const { return m_statsShown; }

private:
    QHash<QString, int> m_rows;
    bool m_statsShown = false;
};

} // namespace

BenchFigures measurePoller(const QString &uri, int domains, int seconds)
{
    // qt-virt-manager runs libvirt's default event loop in a thread of its
    // own, so that libvirt watches its connections' sockets (and sends
    // keepalives) there, not on the GUI thread. The thread is left to the
    // process's exit: virEventRunDefaultImpl() waits without end when
    // nothing happens.
    if (virEventRegisterDefaultImpl() < 0) {
        std::fprintf(stderr, "poller: cannot register libvirt's event loop: %s\n",
                     virGetLastErrorMessage());
        return {};
    }
    std::thread([] {
        for (;;)
            virEventRunDefaultImpl();
    }).detach();
    QMainWindow window;
    PolledModel model;
    auto *view = new QTableView;
    view->setModel(&model);
    view->setSortingEnabled(true);
    view->horizontalHeader()->setStretchLastSection(true);
    window.setCentralWidget(view);
    std::unique_ptr<PollerThread> poller;
    WindowProbe probe;
    probe.start = [&] {
        poller = std::make_unique<PollerThread>(
            uri, &window, [&model](const QList<PolledRow> &rows) { model.apply(rows); });
    };
    probe.rows = [&model] { return model.rowCount(); };
    probe.statsShown = [&model] { return model.statsShown(); };
    const BenchFigures figures = measureWindow(&window, domains, seconds, probe);
    poller.reset();
    // What the thread posted last, while the model still exists.
    QCoreApplication::sendPostedEvents(&window, QEvent::MetaCall);
    return figures;
}
