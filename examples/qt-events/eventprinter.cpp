// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventprinter.h"

#include "virshformat.h"

#include <QtCore/QTextStream>

#include <functional>

namespace {

using C = QVirtConnection;
using D = QVirtDomainEvents;
using S = const QString &;
using Print = std::function<void(const QString &)>;
// Connects one signal to print, from the connection or, for a domain event
// when one is given, from that domain's events; the event's name is given
// for the texts that need it. False when the source lacks the event.
using Connector = bool (*)(EventPrinter *, C *, D *, const char *name, const Print &);

// An event of other objects than domains, whose text follows from the
// signal's arguments alone: virsh's names of these differ from the table's.
template<auto signal, auto format> struct Plain;
template<typename... Args, void (C::*signal)(Args...), auto format> struct Plain<signal, format>
{
    static bool connect(EventPrinter *p, C *c, D *one, const char *, const Print &print)
    {
        if (one)
            return false;
        QObject::connect(c, signal, p, [print](Args... args) { print(format(args...)); });
        return true;
    }
};

// A domain event, whose text starts with its name; QVirtConnection and
// QVirtDomainEvents have the same signal.
template<auto ofAll, auto ofOne, auto format> struct Named;
template<typename... Args, void (C::*ofAll)(Args...), void (D::*ofOne)(Args...), auto format>
struct Named<ofAll, ofOne, format>
{
    static bool connect(EventPrinter *p, C *c, D *one, const char *name, const Print &print)
    {
        const auto printer = [print, name](Args... args) { print(format(name, args...)); };
        if (one)
            QObject::connect(one, ofOne, p, printer);
        else
            QObject::connect(c, ofAll, p, printer);
        return true;
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
    bool ofDomain;
};

// Every event by the name virsh gives it, in virsh's order: the one place
// where the names are written. The domain events come first.
constexpr Event Events[] = {
    {"lifecycle", Named<&C::domainLifecycle, &D::domainLifecycle, F::lifecycle>::connect, true},
    {"reboot", Named<&C::domainRebooted, &D::domainRebooted, F::generic>::connect, true},
    {"rtc-change", Named<&C::domainRtcChanged, &D::domainRtcChanged, F::rtcChange>::connect, true},
    {"watchdog", Named<&C::domainWatchdog, &D::domainWatchdog, F::watchdog>::connect, true},
    {"io-error", Named<&C::domainIOError, &D::domainIOError, F::ioError>::connect, true},
    {"graphics", Named<&C::domainGraphics, &D::domainGraphics, F::graphics>::connect, true},
    {"io-error-reason",
     Named<&C::domainIOErrorReason, &D::domainIOErrorReason, F::ioErrorReason>::connect, true},
    {"control-error", Named<&C::domainControlError, &D::domainControlError, F::generic>::connect,
     true},
    {"block-job", Named<&C::domainBlockJob, &D::domainBlockJob, F::blockJob>::connect, true},
    {"disk-change", Named<&C::domainDiskChanged, &D::domainDiskChanged, F::diskChange>::connect,
     true},
    {"tray-change", Named<&C::domainTrayChanged, &D::domainTrayChanged, F::trayChange>::connect,
     true},
    {"pm-wakeup", Named<&C::domainPMWakeup, &D::domainPMWakeup, F::generic>::connect, true},
    {"pm-suspend", Named<&C::domainPMSuspend, &D::domainPMSuspend, F::generic>::connect, true},
    {"balloon-change",
     Named<&C::domainBalloonChanged, &D::domainBalloonChanged, F::balloonChange>::connect, true},
    {"pm-suspend-disk",
     Named<&C::domainPMSuspendDisk, &D::domainPMSuspendDisk, F::generic>::connect, true},
    {"device-removed", Named<&C::domainDeviceRemoved, &D::domainDeviceRemoved, F::device>::connect,
     true},
    {"block-job-2", Named<&C::domainBlockJob2, &D::domainBlockJob2, F::blockJob>::connect, true},
    {"tunable", Named<&C::domainTunable, &D::domainTunable, F::typedParameters>::connect, true},
    {"agent-lifecycle",
     Named<&C::domainAgentLifecycle, &D::domainAgentLifecycle, F::agentLifecycle>::connect, true},
    {"device-added", Named<&C::domainDeviceAdded, &D::domainDeviceAdded, F::device>::connect, true},
    {"migration-iteration",
     Named<&C::domainMigrationIteration, &D::domainMigrationIteration,
           F::migrationIteration>::connect,
     true},
    {"job-completed",
     Named<&C::domainJobCompleted, &D::domainJobCompleted, F::typedParameters>::connect, true},
    {"device-removal-failed",
     Named<&C::domainDeviceRemovalFailed, &D::domainDeviceRemovalFailed, F::device>::connect, true},
    {"metadata-change",
     Named<&C::domainMetadataChanged, &D::domainMetadataChanged, F::metadataChange>::connect, true},
    {"block-threshold",
     Named<&C::domainBlockThreshold, &D::domainBlockThreshold, F::blockThreshold>::connect, true},
    {"memory-failure",
     Named<&C::domainMemoryFailure, &D::domainMemoryFailure, F::memoryFailure>::connect, true},
    {"memory-device-size-change",
     Named<&C::domainMemoryDeviceSizeChanged, &D::domainMemoryDeviceSizeChanged,
           F::memoryDeviceSizeChange>::connect,
     true},
    {"network-lifecycle", Plain<&C::networkLifecycle, networkLifecycle>::connect, false},
    {"pool-lifecycle", Plain<&C::storagePoolLifecycle, poolLifecycle>::connect, false},
    {"pool-refresh", Plain<&C::storagePoolRefreshed, poolRefresh>::connect, false},
    {"nodedev-lifecycle", Plain<&C::nodeDeviceLifecycle, F::nodeDeviceLifecycle>::connect, false},
    {"nodedev-update", Plain<&C::nodeDeviceUpdated, F::nodeDeviceUpdate>::connect, false},
    {"secret-lifecycle", Plain<&C::secretLifecycle, secretLifecycle>::connect, false},
    {"secret-value-changed", Plain<&C::secretValueChanged, secretValueChanged>::connect, false},
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

QStringList EventPrinter::domainEventNames()
{
    QStringList names;
    for (const Event &event : Events) {
        if (event.ofDomain)
            names.append(QLatin1String(event.name));
    }
    return names;
}

void EventPrinter::setDomainEvents(QVirtDomainEvents *events)
{
    m_domainEvents = events;
}

bool EventPrinter::listen(const QString &name)
{
    for (const Event &event : Events) {
        if (name == QLatin1String(event.name)) {
            return event.connect(this, m_conn, m_domainEvents, event.name,
                                 [this](const QString &text) { print(text); });
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
