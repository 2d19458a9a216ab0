// SPDX-License-Identifier: LGPL-2.1-or-later
#include "virshformat.h"

#include "terminaltext.h"

#include <QtCore/QUuid>

#include <array>
#include <initializer_list>

using namespace QVirtEvents;

namespace VirshFormat {

namespace {

// virsh's names, entry by entry in libvirt's enum order; a value past the
// end reads as virsh's fallback.
template<std::size_t N>
QString nameOf(const std::array<const char *, N> &names, int value, const char *fallback)
{
    if (value < 0 || static_cast<std::size_t>(value) >= N)
        return QLatin1String(fallback);
    return QLatin1String(names[static_cast<std::size_t>(value)]);
}

template<typename Enum> int valueOf(Enum value)
{
    return static_cast<int>(value);
}

constexpr std::array<const char *, 9> domainEvents
    = {"Defined", "Undefined", "Started",     "Suspended", "Resumed",
       "Stopped", "Shutdown",  "PMSuspended", "Crashed"};

// Indexed by DomainEvent.
const std::array<std::initializer_list<const char *>, 9> domainDetails = {{
    {"Added", "Updated", "Renamed", "Snapshot"},
    {"Removed", "Renamed"},
    {"Booted", "Migrated", "Restored", "Snapshot", "Event wakeup"},
    {"Paused", "Migrated", "I/O Error", "Watchdog", "Restored", "Snapshot", "API error",
     "Post-copy", "Post-copy Error"},
    {"Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error"},
    {"Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed", "Snapshot"},
    {"Finished", "Finished after guest request", "Finished after host request"},
    {"Memory", "Disk"},
    {"Panicked", "Crashloaded"},
}};

constexpr std::array<const char *, 7> watchdogActions
    = {"none", "pause", "reset", "poweroff", "shutdown", "debug", "inject-nmi"};
constexpr std::array<const char *, 3> ioErrorActions = {"none", "pause", "report"};
constexpr std::array<const char *, 3> graphicsPhases = {"connect", "initialize", "disconnect"};
constexpr std::array<const char *, 3> graphicsFamilies = {"IPv4", "IPv6", "unix"};
constexpr std::array<const char *, 6> blockJobTypes
    = {"Unknown", "Block Pull", "Block Copy", "Block Commit", "Active Block Commit", "Backup"};
constexpr std::array<const char *, 4> blockJobStatuses
    = {"completed", "failed", "canceled", "ready"};
constexpr std::array<const char *, 2> diskChangeReasons = {"changed", "dropped"};
constexpr std::array<const char *, 2> trayChangeReasons = {"opened", "closed"};
constexpr std::array<const char *, 3> agentStates = {"unknown", "connected", "disconnected"};
constexpr std::array<const char *, 3> agentReasons = {"unknown", "domain started", "channel event"};
constexpr std::array<const char *, 3> metadataTypes = {"description", "title", "element"};
constexpr std::array<const char *, 2> memoryFailureRecipients = {"hypervisor", "guest"};
constexpr std::array<const char *, 4> memoryFailureActions = {"ignore", "inject", "fatal", "reset"};
constexpr std::array<const char *, 4> networkEvents
    = {"Defined", "Undefined", "Started", "Stopped"};
constexpr std::array<const char *, 6> poolEvents
    = {"Defined", "Undefined", "Started", "Stopped", "Created", "Deleted"};
constexpr std::array<const char *, 4> nodeDeviceEvents
    = {"Created", "Deleted", "Defined", "Undefined"};
constexpr std::array<const char *, 2> secretEvents = {"Defined", "Undefined"};

constexpr const char *Unknown = "unknown";
constexpr const char *Unsupported = "unsupported value";

// A string from the daemon, made safe for a terminal.
QString shown(const QString &text)
{
    return TerminalText::escaped(text);
}

// virsh prints a missing string as "<null>" (NULLSTR).
QString orNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("<null>") : shown(text);
}

QString domainPrefix(const char *eventName, const QVirtDomainRef &domain)
{
    return QStringLiteral("event '%1' for domain '%2'")
        .arg(QLatin1String(eventName), shown(domain.name()));
}

// virTypedParameterToString().
QString typedValue(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QMetaType::Double:
        return QString::asprintf("%lf", value.toDouble());
    default:
        return shown(value.toString());
    }
}

} // namespace

QString lifecycle(const char *eventName, const QVirtDomainRef &domain, DomainEvent event,
                  int detail)
{
    QString detailName = QLatin1String(Unknown);
    const int index = valueOf(event);
    if (index >= 0 && static_cast<std::size_t>(index) < domainDetails.size()) {
        const auto &details = domainDetails[static_cast<std::size_t>(index)];
        if (detail >= 0 && static_cast<std::size_t>(detail) < details.size())
            detailName = QLatin1String(details.begin()[detail]);
    }
    return domainPrefix(eventName, domain) % QStringLiteral(": ")
        % nameOf(domainEvents, index, Unknown) % QLatin1Char(' ') % detailName;
}

QString generic(const char *eventName, const QVirtDomainRef &domain)
{
    return domainPrefix(eventName, domain);
}

QString rtcChange(const char *eventName, const QVirtDomainRef &domain, qint64 utcOffset)
{
    return domainPrefix(eventName, domain) % QStringLiteral(": ") % QString::number(utcOffset);
}

QString watchdog(const char *eventName, const QVirtDomainRef &domain, WatchdogAction action)
{
    return domainPrefix(eventName, domain) % QStringLiteral(": ")
        % nameOf(watchdogActions, valueOf(action), Unknown);
}

QString ioError(const char *eventName, const QVirtDomainRef &domain, const QString &path,
                const QString &alias, IOErrorAction action)
{
    return domainPrefix(eventName, domain)
        % QStringLiteral(": %1 (%2) %3")
              .arg(shown(path), shown(alias), nameOf(ioErrorActions, valueOf(action), Unknown));
}

QString ioErrorReason(const char *eventName, const QVirtDomainRef &domain, const QString &path,
                      const QString &alias, IOErrorAction action, const QString &reason)
{
    return domainPrefix(eventName, domain)
        % QStringLiteral(": %1 (%2) %3 due to %4")
              .arg(shown(path), shown(alias), nameOf(ioErrorActions, valueOf(action), Unknown),
                   shown(reason));
}

QString graphics(const char *eventName, const QVirtDomainRef &domain, GraphicsPhase phase,
                 const QVariantMap &local, const QVariantMap &remote, const QString &authScheme,
                 const QVariantList &subject)
{
    const auto address = [](const QVariantMap &map) {
        return QStringLiteral("%1 %2 %3")
            .arg(nameOf(graphicsFamilies, map.value(QStringLiteral("family")).toInt(), Unknown),
                 shown(map.value(QStringLiteral("node")).toString()),
                 shown(map.value(QStringLiteral("service")).toString()));
    };
    QString text = domainPrefix(eventName, domain)
        % QStringLiteral(": %1 local[%2] remote[%3] %4")
              .arg(nameOf(graphicsPhases, valueOf(phase), Unknown), address(local), address(remote),
                   shown(authScheme));
    for (const QVariant &identity : subject) {
        const QVariantMap map = identity.toMap();
        text += QStringLiteral("\n\t%1=%2")
                    .arg(shown(map.value(QStringLiteral("type")).toString()),
                         shown(map.value(QStringLiteral("name")).toString()));
    }
    return text;
}

QString blockJob(const char *eventName, const QVirtDomainRef &domain, const QString &disk,
                 BlockJobType type, BlockJobStatus status)
{
    return domainPrefix(eventName, domain)
        % QStringLiteral(": %1 for %2 %3")
              .arg(nameOf(blockJobTypes, valueOf(type), "Unknown"), shown(disk),
                   nameOf(blockJobStatuses, valueOf(status), Unknown));
}

QString diskChange(const char *eventName, const QVirtDomainRef &domain, const QString &oldSource,
                   const QString &newSource, const QString &alias, DiskChangeReason reason)
{
    return domainPrefix(eventName, domain)
        % QStringLiteral(" disk %1: %2 -> %3: %4")
              .arg(shown(alias), orNull(oldSource), orNull(newSource),
                   nameOf(diskChangeReasons, valueOf(reason), Unknown));
}

QString trayChange(const char *eventName, const QVirtDomainRef &domain, const QString &alias,
                   TrayChangeReason reason)
{
    return domainPrefix(eventName, domain)
        % QStringLiteral(" disk %1: %2")
              .arg(shown(alias), nameOf(trayChangeReasons, valueOf(reason), Unknown));
}

QString balloonChange(const char *eventName, const QVirtDomainRef &domain, quint64 actualKiB)
{
    return domainPrefix(eventName, domain) % QStringLiteral(": ") % QString::number(actualKiB)
        % QStringLiteral("KiB");
}

QString device(const char *eventName, const QVirtDomainRef &domain, const QString &alias)
{
    return domainPrefix(eventName, domain) % QStringLiteral(": ") % shown(alias);
}

QString typedParameters(const char *eventName, const QVirtDomainRef &domain,
                        const QVariantMap &parameters)
{
    // QVariantMap sorts by field; virsh keeps the daemon's order.
    QString text = domainPrefix(eventName, domain) % QLatin1Char(':');
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
        text += QStringLiteral("\n\t%1: %2").arg(shown(it.key()), typedValue(it.value()));
    return text;
}

QString agentLifecycle(const char *eventName, const QVirtDomainRef &domain,
                       AgentLifecycleState state, AgentLifecycleReason reason)
{
    return domainPrefix(eventName, domain)
        % QStringLiteral(": state: '%1' reason: '%2'")
              .arg(nameOf(agentStates, valueOf(state), Unsupported),
                   nameOf(agentReasons, valueOf(reason), Unsupported));
}

QString migrationIteration(const char *eventName, const QVirtDomainRef &domain, int iteration)
{
    return domainPrefix(eventName, domain) % QStringLiteral(": iteration: '%1'").arg(iteration);
}

QString metadataChange(const char *eventName, const QVirtDomainRef &domain, MetadataType type,
                       const QString &nsUri)
{
    return domainPrefix(eventName, domain)
        % QStringLiteral(": type %1, uri %2")
              .arg(nameOf(metadataTypes, valueOf(type), Unsupported), orNull(nsUri));
}

QString blockThreshold(const char *eventName, const QVirtDomainRef &domain, const QString &device,
                       const QString &path, quint64 threshold, quint64 excess)
{
    return domainPrefix(eventName, domain)
        % QStringLiteral(": dev: %1(%2) %3 %4")
              .arg(shown(device), orNull(path), QString::number(threshold),
                   QString::number(excess));
}

QString memoryFailure(const char *eventName, const QVirtDomainRef &domain,
                      MemoryFailureRecipient recipient, MemoryFailureAction action,
                      MemoryFailureFlags flags)
{
    return domainPrefix(eventName, domain)
        % QStringLiteral(":\nrecipient: %1\naction: %2\nflags:\n\taction required: %3\n\t"
                         "recursive: %4")
              .arg(nameOf(memoryFailureRecipients, valueOf(recipient), Unsupported),
                   nameOf(memoryFailureActions, valueOf(action), Unsupported),
                   QString::number(flags.testFlag(MemoryFailureFlag::ActionRequired) ? 1 : 0),
                   QString::number(flags.testFlag(MemoryFailureFlag::Recursive) ? 1 : 0));
}

QString memoryDeviceSizeChange(const char *eventName, const QVirtDomainRef &domain,
                               const QString &alias, quint64 sizeKiB)
{
    return domainPrefix(eventName, domain)
        % QStringLiteral(":\nalias: %1\nsize: %2").arg(shown(alias), QString::number(sizeKiB));
}

QString networkLifecycle(const QString &name, NetworkEvent event)
{
    return QStringLiteral("event 'lifecycle' for network %1: %2")
        .arg(shown(name), nameOf(networkEvents, valueOf(event), Unknown));
}

QString poolLifecycle(const QString &name, StoragePoolEvent event)
{
    return QStringLiteral("event 'lifecycle' for storage pool %1: %2")
        .arg(shown(name), nameOf(poolEvents, valueOf(event), Unknown));
}

QString poolRefresh(const QString &name)
{
    return QStringLiteral("event 'refresh' for storage pool ") % shown(name);
}

QString nodeDeviceLifecycle(const QString &name, NodeDeviceEvent event)
{
    return QStringLiteral("event 'lifecycle' for node device %1: %2")
        .arg(shown(name), nameOf(nodeDeviceEvents, valueOf(event), Unknown));
}

QString nodeDeviceUpdate(const QString &name)
{
    return QStringLiteral("event 'update' for node device ") % shown(name);
}

QString secretLifecycle(const QUuid &uuid, SecretEvent event)
{
    return QStringLiteral("event 'lifecycle' for secret %1: %2")
        .arg(uuid.toString(QUuid::WithoutBraces), nameOf(secretEvents, valueOf(event), Unknown));
}

QString secretValueChanged(const QUuid &uuid)
{
    return QStringLiteral("event 'value-changed' for secret ")
        % uuid.toString(QUuid::WithoutBraces);
}

QString timestampPrefix(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
        + QStringLiteral("+0000: ");
}

} // namespace VirshFormat
