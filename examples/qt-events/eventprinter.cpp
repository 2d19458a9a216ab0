// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventprinter.h"

#include "virshformat.h"

#include <QtCore/QTextStream>

#include <functional>

namespace {

using C = QVirtConnection;
using S = const QString &;
using Print = std::function<void(const QString &)>;
// Connects one signal of the connection to print, the event's name given
// for the texts that need it.
using Connector = void (*)(EventPrinter *, QVirtConnection *, const char *name, const Print &);

// An event whose text follows from the signal's arguments alone: virsh's
// names of these differ from the table's.
template<auto signal, auto format> struct Plain;
template<typename... Args, void (C::*signal)(Args...), auto format> struct Plain<signal, format>
{
    static void connect(EventPrinter *p, QVirtConnection *c, const char *, const Print &print)
    {
        QObject::connect(c, signal, p, [print](Args... args) { print(format(args...)); });
    }
};

// An event whose text starts with its name: every domain event.
template<auto signal, auto format> struct Named;
template<typename... Args, void (C::*signal)(Args...), auto format> struct Named<signal, format>
{
    static void connect(EventPrinter *p, QVirtConnection *c, const char *name, const Print &print)
    {
        QObject::connect(c, signal, p,
                         [print, name](Args... args) { print(format(name, args...)); });
    }
};

namespace F = VirshFormat;
using namespace QVirtEvents;

// The texts of the non-domain events, which leave out arguments virsh does
// not print.
QString networkLifecycle(S name, const QUuid &, NetworkEvent event)
{
    return F::networkLifecycle(name, event);
}
QString poolLifecycle(S name, const QUuid &, StoragePoolEvent event)
{
    return F::poolLifecycle(name, event);
}
QString poolRefresh(S name, const QUuid &)
{
    return F::poolRefresh(name);
}
QString secretLifecycle(const QUuid &uuid, SecretUsageType, S, SecretEvent event)
{
    return F::secretLifecycle(uuid, event);
}
QString secretValueChanged(const QUuid &uuid, SecretUsageType, S)
{
    return F::secretValueChanged(uuid);
}

struct Event
{
    const char *name;
    Connector connect;
};

// Every event by the name virsh gives it, in virsh's order: the one place
// where the names are written.
constexpr Event Events[] = {
    {"lifecycle", Named<&C::domainLifecycle, F::lifecycle>::connect},
    {"reboot", Named<&C::domainRebooted, F::generic>::connect},
    {"rtc-change", Named<&C::domainRtcChanged, F::rtcChange>::connect},
    {"watchdog", Named<&C::domainWatchdog, F::watchdog>::connect},
    {"io-error", Named<&C::domainIOError, F::ioError>::connect},
    {"graphics", Named<&C::domainGraphics, F::graphics>::connect},
    {"io-error-reason", Named<&C::domainIOErrorReason, F::ioErrorReason>::connect},
    {"control-error", Named<&C::domainControlError, F::generic>::connect},
    {"block-job", Named<&C::domainBlockJob, F::blockJob>::connect},
    {"disk-change", Named<&C::domainDiskChanged, F::diskChange>::connect},
    {"tray-change", Named<&C::domainTrayChanged, F::trayChange>::connect},
    {"pm-wakeup", Named<&C::domainPMWakeup, F::generic>::connect},
    {"pm-suspend", Named<&C::domainPMSuspend, F::generic>::connect},
    {"balloon-change", Named<&C::domainBalloonChanged, F::balloonChange>::connect},
    {"pm-suspend-disk", Named<&C::domainPMSuspendDisk, F::generic>::connect},
    {"device-removed", Named<&C::domainDeviceRemoved, F::device>::connect},
    {"block-job-2", Named<&C::domainBlockJob2, F::blockJob>::connect},
    {"tunable", Named<&C::domainTunable, F::typedParameters>::connect},
    {"agent-lifecycle", Named<&C::domainAgentLifecycle, F::agentLifecycle>::connect},
    {"device-added", Named<&C::domainDeviceAdded, F::device>::connect},
    {"migration-iteration", Named<&C::domainMigrationIteration, F::migrationIteration>::connect},
    {"job-completed", Named<&C::domainJobCompleted, F::typedParameters>::connect},
    {"device-removal-failed", Named<&C::domainDeviceRemovalFailed, F::device>::connect},
    {"metadata-change", Named<&C::domainMetadataChanged, F::metadataChange>::connect},
    {"block-threshold", Named<&C::domainBlockThreshold, F::blockThreshold>::connect},
    {"memory-failure", Named<&C::domainMemoryFailure, F::memoryFailure>::connect},
    {"memory-device-size-change",
     Named<&C::domainMemoryDeviceSizeChanged, F::memoryDeviceSizeChange>::connect},
    {"network-lifecycle", Plain<&C::networkLifecycle, networkLifecycle>::connect},
    {"pool-lifecycle", Plain<&C::storagePoolLifecycle, poolLifecycle>::connect},
    {"pool-refresh", Plain<&C::storagePoolRefreshed, poolRefresh>::connect},
    {"nodedev-lifecycle", Plain<&C::nodeDeviceLifecycle, F::nodeDeviceLifecycle>::connect},
    {"nodedev-update", Plain<&C::nodeDeviceUpdated, F::nodeDeviceUpdate>::connect},
    {"secret-lifecycle", Plain<&C::secretLifecycle, secretLifecycle>::connect},
    {"secret-value-changed", Plain<&C::secretValueChanged, secretValueChanged>::connect},
};

} // namespace

EventPrinter::EventPrinter(QVirtConnection *conn, QTextStream &out, bool timestamps, int limit,
                           QObject *parent)
    : QObject(parent)
    , m_conn(conn)
    , m_out(out)
    , m_timestamps(timestamps)
    , m_limit(limit)
{ }

QStringList EventPrinter::eventNames()
{
    QStringList names;
    for (const Event &event : Events)
        names.append(QLatin1String(event.name));
    return names;
}

bool EventPrinter::listen(const QString &name)
{
    for (const Event &event : Events) {
        if (name == QLatin1String(event.name)) {
            event.connect(this, m_conn, event.name, [this](const QString &text) { print(text); });
            return true;
        }
    }
    return false;
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
