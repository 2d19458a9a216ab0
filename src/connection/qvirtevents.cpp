// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QtVirt/qvirtevents.h>

#include <QtCore/QCoreApplication>

// The _LAST values let the tables below fail to build when a libvirt adds a
// value, instead of falling back to a bare name at run time.
#define VIR_ENUM_SENTINELS
#include <libvirt/libvirt.h>

#include <array>

namespace QVirtEvents {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("QVirtEvents", text);
}

constexpr std::array<const char *, VIR_DOMAIN_EVENT_LAST> domainEventNames = {
    QT_TRANSLATE_NOOP("QVirtEvents", "Defined"),   QT_TRANSLATE_NOOP("QVirtEvents", "Undefined"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Started"),   QT_TRANSLATE_NOOP("QVirtEvents", "Suspended"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Resumed"),   QT_TRANSLATE_NOOP("QVirtEvents", "Stopped"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Shut down"), QT_TRANSLATE_NOOP("QVirtEvents", "PM suspended"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Crashed"),
};

// "%1 (%2)" puts a detail after its event; the details read as lower-case
// continuations, for example "Stopped (destroyed)".
constexpr std::array<const char *, VIR_DOMAIN_EVENT_DEFINED_LAST> definedDetails = {
    QT_TRANSLATE_NOOP("QVirtEvents", "added"),
    QT_TRANSLATE_NOOP("QVirtEvents", "updated"),
    QT_TRANSLATE_NOOP("QVirtEvents", "renamed"),
    QT_TRANSLATE_NOOP("QVirtEvents", "from snapshot"),
};
constexpr std::array<const char *, VIR_DOMAIN_EVENT_UNDEFINED_LAST> undefinedDetails = {
    QT_TRANSLATE_NOOP("QVirtEvents", "removed"),
    QT_TRANSLATE_NOOP("QVirtEvents", "renamed"),
};
constexpr std::array<const char *, VIR_DOMAIN_EVENT_STARTED_LAST> startedDetails = {
    QT_TRANSLATE_NOOP("QVirtEvents", "booted"),   QT_TRANSLATE_NOOP("QVirtEvents", "migrated"),
    QT_TRANSLATE_NOOP("QVirtEvents", "restored"), QT_TRANSLATE_NOOP("QVirtEvents", "from snapshot"),
    QT_TRANSLATE_NOOP("QVirtEvents", "woken up"),
};
constexpr std::array<const char *, VIR_DOMAIN_EVENT_SUSPENDED_LAST> suspendedDetails = {
    QT_TRANSLATE_NOOP("QVirtEvents", "paused"),
    QT_TRANSLATE_NOOP("QVirtEvents", "migrating"),
    QT_TRANSLATE_NOOP("QVirtEvents", "I/O error"),
    QT_TRANSLATE_NOOP("QVirtEvents", "watchdog"),
    QT_TRANSLATE_NOOP("QVirtEvents", "restored"),
    QT_TRANSLATE_NOOP("QVirtEvents", "from snapshot"),
    QT_TRANSLATE_NOOP("QVirtEvents", "API error"),
    QT_TRANSLATE_NOOP("QVirtEvents", "post-copy"),
    QT_TRANSLATE_NOOP("QVirtEvents", "post-copy failed"),
};
constexpr std::array<const char *, VIR_DOMAIN_EVENT_RESUMED_LAST> resumedDetails = {
    QT_TRANSLATE_NOOP("QVirtEvents", "unpaused"),
    QT_TRANSLATE_NOOP("QVirtEvents", "migrated"),
    QT_TRANSLATE_NOOP("QVirtEvents", "from snapshot"),
    QT_TRANSLATE_NOOP("QVirtEvents", "post-copy"),
    QT_TRANSLATE_NOOP("QVirtEvents", "post-copy failed"),
};
constexpr std::array<const char *, VIR_DOMAIN_EVENT_STOPPED_LAST> stoppedDetails = {
    QT_TRANSLATE_NOOP("QVirtEvents", "shut down"),
    QT_TRANSLATE_NOOP("QVirtEvents", "destroyed"),
    QT_TRANSLATE_NOOP("QVirtEvents", "crashed"),
    QT_TRANSLATE_NOOP("QVirtEvents", "migrated"),
    QT_TRANSLATE_NOOP("QVirtEvents", "saved"),
    QT_TRANSLATE_NOOP("QVirtEvents", "failed"),
    QT_TRANSLATE_NOOP("QVirtEvents", "from snapshot"),
};
constexpr std::array<const char *, VIR_DOMAIN_EVENT_SHUTDOWN_LAST> shutdownDetails = {
    QT_TRANSLATE_NOOP("QVirtEvents", "finished"),
    QT_TRANSLATE_NOOP("QVirtEvents", "guest request"),
    QT_TRANSLATE_NOOP("QVirtEvents", "host request"),
};
constexpr std::array<const char *, VIR_DOMAIN_EVENT_PMSUSPENDED_LAST> pmSuspendedDetails = {
    QT_TRANSLATE_NOOP("QVirtEvents", "to memory"),
    QT_TRANSLATE_NOOP("QVirtEvents", "to disk"),
};
constexpr std::array<const char *, VIR_DOMAIN_EVENT_CRASHED_LAST> crashedDetails = {
    QT_TRANSLATE_NOOP("QVirtEvents", "panicked"),
    QT_TRANSLATE_NOOP("QVirtEvents", "crash loaded"),
};

constexpr std::array<const char *, VIR_NETWORK_EVENT_LAST> networkEventNames = {
    QT_TRANSLATE_NOOP("QVirtEvents", "Defined"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Undefined"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Started"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Stopped"),
};
constexpr std::array<const char *, VIR_STORAGE_POOL_EVENT_LAST> poolEventNames = {
    QT_TRANSLATE_NOOP("QVirtEvents", "Defined"), QT_TRANSLATE_NOOP("QVirtEvents", "Undefined"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Started"), QT_TRANSLATE_NOOP("QVirtEvents", "Stopped"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Created"), QT_TRANSLATE_NOOP("QVirtEvents", "Deleted"),
};
constexpr std::array<const char *, VIR_NODE_DEVICE_EVENT_LAST> nodeDeviceEventNames = {
    QT_TRANSLATE_NOOP("QVirtEvents", "Created"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Deleted"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Defined"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Undefined"),
};
constexpr std::array<const char *, VIR_SECRET_EVENT_LAST> secretEventNames = {
    QT_TRANSLATE_NOOP("QVirtEvents", "Defined"),
    QT_TRANSLATE_NOOP("QVirtEvents", "Undefined"),
};

template<std::size_t N> constexpr bool allNamed(const std::array<const char *, N> &names)
{
    for (const char *name : names) {
        if (!name)
            return false;
    }
    return true;
}

static_assert(allNamed(domainEventNames) && allNamed(definedDetails) && allNamed(undefinedDetails)
                  && allNamed(startedDetails) && allNamed(suspendedDetails)
                  && allNamed(resumedDetails) && allNamed(stoppedDetails)
                  && allNamed(shutdownDetails) && allNamed(pmSuspendedDetails)
                  && allNamed(crashedDetails) && allNamed(networkEventNames)
                  && allNamed(poolEventNames) && allNamed(nodeDeviceEventNames)
                  && allNamed(secretEventNames),
              "a libvirt enum grew: name the new value");

template<std::size_t N> QString nameAt(const std::array<const char *, N> &names, int value)
{
    if (value < 0 || static_cast<std::size_t>(value) >= N)
        return QCoreApplication::translate("QVirtEvents", "Unknown (%1)").arg(value);
    return translated(names[static_cast<std::size_t>(value)]);
}

template<std::size_t N>
QString detailAt(const std::array<const char *, N> &names, int detail, const QString &event)
{
    if (detail < 0 || static_cast<std::size_t>(detail) >= N)
        return event;
    //: A domain lifecycle event with its detail, for example "Stopped (destroyed)".
    return QCoreApplication::translate("QVirtEvents", "%1 (%2)")
        .arg(event, translated(names[static_cast<std::size_t>(detail)]));
}

} // namespace

QString domainEventText(DomainEvent event)
{
    return nameAt(domainEventNames, static_cast<int>(event));
}

QString domainEventText(DomainEvent event, int detail)
{
    QString name = domainEventText(event);
    switch (event) {
    case DomainEvent::Defined:
        return detailAt(definedDetails, detail, name);
    case DomainEvent::Undefined:
        return detailAt(undefinedDetails, detail, name);
    case DomainEvent::Started:
        return detailAt(startedDetails, detail, name);
    case DomainEvent::Suspended:
        return detailAt(suspendedDetails, detail, name);
    case DomainEvent::Resumed:
        return detailAt(resumedDetails, detail, name);
    case DomainEvent::Stopped:
        return detailAt(stoppedDetails, detail, name);
    case DomainEvent::Shutdown:
        return detailAt(shutdownDetails, detail, name);
    case DomainEvent::PMSuspended:
        return detailAt(pmSuspendedDetails, detail, name);
    case DomainEvent::Crashed:
        return detailAt(crashedDetails, detail, name);
    }
    return name;
}

QString networkEventText(NetworkEvent event)
{
    return nameAt(networkEventNames, static_cast<int>(event));
}

QString storagePoolEventText(StoragePoolEvent event)
{
    return nameAt(poolEventNames, static_cast<int>(event));
}

QString nodeDeviceEventText(NodeDeviceEvent event)
{
    return nameAt(nodeDeviceEventNames, static_cast<int>(event));
}

QString secretEventText(SecretEvent event)
{
    return nameAt(secretEventNames, static_cast<int>(event));
}

} // namespace QVirtEvents
