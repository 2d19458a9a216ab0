// SPDX-License-Identifier: LGPL-2.1-or-later
#include "lifecycleformat.h"

// The _LAST values size the tables below.
#define VIR_ENUM_SENTINELS
#include <libvirt/libvirt.h>

#include <array>

namespace {

// virsh's names, entry by entry in libvirt's enum order. Each table is sized
// by libvirt's own _LAST value, so a libvirt that adds a value leaves a null
// entry, which allNamed() below turns into a build error instead of an
// "unknown" where virsh prints a name.
constexpr std::array<const char *, VIR_DOMAIN_EVENT_LAST> eventNames = {
    QT_TRANSLATE_NOOP("LifecycleFormat", "Defined"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Undefined"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Started"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Suspended"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Resumed"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Stopped"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Shutdown"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "PMSuspended"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Crashed"),
};

constexpr std::array<const char *, VIR_DOMAIN_EVENT_DEFINED_LAST> definedDetails = {
    QT_TRANSLATE_NOOP("LifecycleFormat", "Added"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Updated"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Renamed"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Snapshot"),
};

constexpr std::array<const char *, VIR_DOMAIN_EVENT_UNDEFINED_LAST> undefinedDetails = {
    QT_TRANSLATE_NOOP("LifecycleFormat", "Removed"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Renamed"),
};

constexpr std::array<const char *, VIR_DOMAIN_EVENT_STARTED_LAST> startedDetails = {
    QT_TRANSLATE_NOOP("LifecycleFormat", "Booted"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Migrated"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Restored"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Snapshot"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Event wakeup"),
};

constexpr std::array<const char *, VIR_DOMAIN_EVENT_SUSPENDED_LAST> suspendedDetails = {
    QT_TRANSLATE_NOOP("LifecycleFormat", "Paused"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Migrated"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "I/O Error"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Watchdog"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Restored"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Snapshot"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "API error"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Post-copy"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Post-copy Error"),
};

constexpr std::array<const char *, VIR_DOMAIN_EVENT_RESUMED_LAST> resumedDetails = {
    QT_TRANSLATE_NOOP("LifecycleFormat", "Unpaused"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Migrated"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Snapshot"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Post-copy"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Post-copy Error"),
};

constexpr std::array<const char *, VIR_DOMAIN_EVENT_STOPPED_LAST> stoppedDetails = {
    QT_TRANSLATE_NOOP("LifecycleFormat", "Shutdown"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Destroyed"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Crashed"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Migrated"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Saved"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Failed"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Snapshot"),
};

constexpr std::array<const char *, VIR_DOMAIN_EVENT_SHUTDOWN_LAST> shutdownDetails = {
    QT_TRANSLATE_NOOP("LifecycleFormat", "Finished"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Finished after guest request"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Finished after host request"),
};

constexpr std::array<const char *, VIR_DOMAIN_EVENT_PMSUSPENDED_LAST> pmSuspendedDetails = {
    QT_TRANSLATE_NOOP("LifecycleFormat", "Memory"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Disk"),
};

constexpr std::array<const char *, VIR_DOMAIN_EVENT_CRASHED_LAST> crashedDetails = {
    QT_TRANSLATE_NOOP("LifecycleFormat", "Panicked"),
    QT_TRANSLATE_NOOP("LifecycleFormat", "Crashloaded"),
};

template<std::size_t N> constexpr bool allNamed(const std::array<const char *, N> &names)
{
    for (const char *name : names) {
        if (!name)
            return false;
    }
    return true;
}

static_assert(allNamed(eventNames) && allNamed(definedDetails) && allNamed(undefinedDetails)
              && allNamed(startedDetails) && allNamed(suspendedDetails) && allNamed(resumedDetails)
              && allNamed(stoppedDetails) && allNamed(shutdownDetails)
              && allNamed(pmSuspendedDetails) && allNamed(crashedDetails));

template<std::size_t N> const char *lookup(const std::array<const char *, N> &names, int value)
{
    if (value < 0 || static_cast<std::size_t>(value) >= names.size())
        return nullptr;
    return names[static_cast<std::size_t>(value)];
}

const char *detailName(int event, int detail)
{
    switch (event) {
    case VIR_DOMAIN_EVENT_DEFINED:
        return lookup(definedDetails, detail);
    case VIR_DOMAIN_EVENT_UNDEFINED:
        return lookup(undefinedDetails, detail);
    case VIR_DOMAIN_EVENT_STARTED:
        return lookup(startedDetails, detail);
    case VIR_DOMAIN_EVENT_SUSPENDED:
        return lookup(suspendedDetails, detail);
    case VIR_DOMAIN_EVENT_RESUMED:
        return lookup(resumedDetails, detail);
    case VIR_DOMAIN_EVENT_STOPPED:
        return lookup(stoppedDetails, detail);
    case VIR_DOMAIN_EVENT_SHUTDOWN:
        return lookup(shutdownDetails, detail);
    case VIR_DOMAIN_EVENT_PMSUSPENDED:
        return lookup(pmSuspendedDetails, detail);
    case VIR_DOMAIN_EVENT_CRASHED:
        return lookup(crashedDetails, detail);
    default:
        return nullptr;
    }
}

QString translatedOrUnknown(const char *name)
{
    return name ? LifecycleFormat::tr(name) : LifecycleFormat::tr("unknown");
}

} // namespace

QString LifecycleFormat::eventText(int event, int detail)
{
    return translatedOrUnknown(lookup(eventNames, event)) + QLatin1Char(' ')
        + translatedOrUnknown(detailName(event, detail));
}

QString LifecycleFormat::line(const QString &domainName, int event, int detail)
{
    return tr("event 'lifecycle' for domain '%1': %2").arg(domainName, eventText(event, detail));
}

QString LifecycleFormat::timestampPrefix(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
        + QStringLiteral("+0000: ");
}
