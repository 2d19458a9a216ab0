// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventprinter.h"

#include "virshformat.h"

#include <QtCore/QTextStream>

#include <functional>
#include <utility>
#include <vector>

namespace {

using R = const QVirtDomainRef &;
using S = const QString &;
template<typename Source>
using Connector
    = std::function<void(EventPrinter *, Source *, const std::function<void(const QString &)> &)>;
template<typename Source> using Table = std::vector<std::pair<const char *, Connector<Source>>>;

// Each domain event name with the connection that prints it, from the
// signals of C: QVirtConnection (every domain) or QVirtDomainEvents (one).
template<typename C> const Table<C> &domainConnectors()
{
    namespace F = VirshFormat;
    using namespace QVirtEvents;
    static const Table<C> table = {
        {"lifecycle",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainLifecycle, p, [print](R d, DomainEvent e, int detail) {
                 print(F::lifecycle(d, e, detail));
             });
         }},
        {"reboot",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainRebooted, p,
                              [print](R d) { print(F::generic("reboot", d)); });
         }},
        {"rtc-change",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainRtcChanged, p,
                              [print](R d, qint64 offset) { print(F::rtcChange(d, offset)); });
         }},
        {"watchdog",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainWatchdog, p,
                              [print](R d, WatchdogAction a) { print(F::watchdog(d, a)); });
         }},
        {"io-error",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainIOError, p,
                              [print](R d, S path, S alias, IOErrorAction a) {
                                  print(F::ioError(d, path, alias, a));
                              });
         }},
        {"graphics",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainGraphics, p,
                              [print](R d, GraphicsPhase phase, const QVariantMap &local,
                                      const QVariantMap &remote, S scheme,
                                      const QVariantList &subject) {
                                  print(F::graphics(d, phase, local, remote, scheme, subject));
                              });
         }},
        {"io-error-reason",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainIOErrorReason, p,
                              [print](R d, S path, S alias, IOErrorAction a, S reason) {
                                  print(F::ioErrorReason(d, path, alias, a, reason));
                              });
         }},
        {"control-error",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainControlError, p,
                              [print](R d) { print(F::generic("control-error", d)); });
         }},
        {"block-job",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainBlockJob, p,
                              [print](R d, S disk, BlockJobType t, BlockJobStatus s) {
                                  print(F::blockJob("block-job", d, disk, t, s));
                              });
         }},
        {"disk-change",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainDiskChanged, p,
                              [print](R d, S from, S to, S alias, DiskChangeReason r) {
                                  print(F::diskChange(d, from, to, alias, r));
                              });
         }},
        {"tray-change",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(
                 c, &C::domainTrayChanged, p,
                 [print](R d, S alias, TrayChangeReason r) { print(F::trayChange(d, alias, r)); });
         }},
        {"pm-wakeup",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainPMWakeup, p,
                              [print](R d) { print(F::generic("pm-wakeup", d)); });
         }},
        {"pm-suspend",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainPMSuspend, p,
                              [print](R d) { print(F::generic("pm-suspend", d)); });
         }},
        {"balloon-change",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainBalloonChanged, p,
                              [print](R d, quint64 kib) { print(F::balloonChange(d, kib)); });
         }},
        {"pm-suspend-disk",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainPMSuspendDisk, p,
                              [print](R d) { print(F::generic("pm-suspend-disk", d)); });
         }},
        {"device-removed",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainDeviceRemoved, p, [print](R d, S alias) {
                 print(F::device("device-removed", d, alias));
             });
         }},
        {"block-job-2",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainBlockJob2, p,
                              [print](R d, S disk, BlockJobType t, BlockJobStatus s) {
                                  print(F::blockJob("block-job-2", d, disk, t, s));
                              });
         }},
        {"tunable",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainTunable, p, [print](R d, const QVariantMap &params) {
                 print(F::typedParameters("tunable", d, params));
             });
         }},
        {"agent-lifecycle",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainAgentLifecycle, p,
                              [print](R d, AgentLifecycleState s, AgentLifecycleReason r) {
                                  print(F::agentLifecycle(d, s, r));
                              });
         }},
        {"device-added",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainDeviceAdded, p, [print](R d, S alias) {
                 print(F::device("device-added", d, alias));
             });
         }},
        {"migration-iteration",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainMigrationIteration, p,
                              [print](R d, int i) { print(F::migrationIteration(d, i)); });
         }},
        {"job-completed",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainJobCompleted, p,
                              [print](R d, const QVariantMap &params) {
                                  print(F::typedParameters("job-completed", d, params));
                              });
         }},
        {"device-removal-failed",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainDeviceRemovalFailed, p, [print](R d, S alias) {
                 print(F::device("device-removal-failed", d, alias));
             });
         }},
        {"metadata-change",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainMetadataChanged, p, [print](R d, MetadataType t, S uri) {
                 print(F::metadataChange(d, t, uri));
             });
         }},
        {"block-threshold",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainBlockThreshold, p,
                              [print](R d, S dev, S path, quint64 threshold, quint64 excess) {
                                  print(F::blockThreshold(d, dev, path, threshold, excess));
                              });
         }},
        {"memory-failure",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(
                 c, &C::domainMemoryFailure, p,
                 [print](R d, MemoryFailureRecipient r, MemoryFailureAction a,
                         MemoryFailureFlags f) { print(F::memoryFailure(d, r, a, f)); });
         }},
        {"memory-device-size-change",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::domainMemoryDeviceSizeChanged, p,
                              [print](R d, S alias, quint64 size) {
                                  print(F::memoryDeviceSizeChange(d, alias, size));
                              });
         }},
    };
    return table;
}

// The other objects' event names, which only QVirtConnection has.
const Table<QVirtConnection> &objectConnectors()
{
    namespace F = VirshFormat;
    using namespace QVirtEvents;
    using C = QVirtConnection;
    static const Table<C> table = {
        {"network-lifecycle",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::networkLifecycle, p,
                              [print](S name, const QUuid &, NetworkEvent e) {
                                  print(F::networkLifecycle(name, e));
                              });
         }},
        {"pool-lifecycle",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::storagePoolLifecycle, p,
                              [print](S name, const QUuid &, StoragePoolEvent e) {
                                  print(F::poolLifecycle(name, e));
                              });
         }},
        {"pool-refresh",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::storagePoolRefreshed, p,
                              [print](S name, const QUuid &) { print(F::poolRefresh(name)); });
         }},
        {"nodedev-lifecycle",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::nodeDeviceLifecycle, p, [print](S name, NodeDeviceEvent e) {
                 print(F::nodeDeviceLifecycle(name, e));
             });
         }},
        {"nodedev-update",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::nodeDeviceUpdated, p,
                              [print](S name) { print(F::nodeDeviceUpdate(name)); });
         }},
        {"secret-lifecycle",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::secretLifecycle, p,
                              [print](const QUuid &uuid, SecretUsageType, S, SecretEvent e) {
                                  print(F::secretLifecycle(uuid, e));
                              });
         }},
        {"secret-value-changed",
         [](auto *p, auto *c, const auto &print) {
             QObject::connect(c, &C::secretValueChanged, p,
                              [print](const QUuid &uuid, SecretUsageType, S) {
                                  print(F::secretValueChanged(uuid));
                              });
         }},
    };
    return table;
}

} // namespace

EventPrinter::EventPrinter(QVirtConnection *conn, QTextStream &out, bool timestamps, int limit,
                           QObject *parent)
    : QObject(parent)
    , m_conn(conn)
    , m_out(out)
    , m_timestamps(timestamps)
    , m_limit(limit)
{ }

QStringList EventPrinter::domainEventNames()
{
    QStringList names;
    for (const auto &entry : domainConnectors<QVirtConnection>())
        names.append(QLatin1String(entry.first));
    return names;
}

QStringList EventPrinter::eventNames()
{
    QStringList names = domainEventNames();
    for (const auto &entry : objectConnectors())
        names.append(QLatin1String(entry.first));
    return names;
}

void EventPrinter::setDomainEvents(QVirtDomainEvents *events)
{
    m_domainEvents = events;
}

bool EventPrinter::listen(const QString &name)
{
    const auto print = [this](const QString &text) { this->print(text); };
    const auto connectFrom = [&](const auto &table, auto *source) {
        for (const auto &entry : table) {
            if (name == QLatin1String(entry.first)) {
                entry.second(this, source, print);
                return true;
            }
        }
        return false;
    };
    if (m_domainEvents)
        return connectFrom(domainConnectors<QVirtDomainEvents>(), m_domainEvents);
    return connectFrom(domainConnectors<QVirtConnection>(), m_conn)
        || connectFrom(objectConnectors(), m_conn);
}

void EventPrinter::print(const QString &text)
{
    // libvirt flushes every queued event in one go, so more can arrive after
    // the limit, before the loop gets to stop.
    if (m_limit > 0 && m_printed >= m_limit)
        return;
    // virsh stamps the moment it prints, not the moment the event happened.
    if (m_timestamps)
        m_out << VirshFormat::timestampPrefix(QDateTime::currentDateTimeUtc());
    // Flushed per event, like virsh, so that a pipe sees each at once.
    m_out << text << Qt::endl;
    if (++m_printed == m_limit)
        Q_EMIT limitReached();
}
