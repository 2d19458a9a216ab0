// SPDX-License-Identifier: LGPL-2.1-or-later
//
// libvirt's 27 domain event callbacks, each turned into its signal.

// First, so that every include sees the _LAST values.
#define VIR_ENUM_SENTINELS
#include <libvirt/libvirt.h>

#include "connection/domaineventslink.h"
#include "connection/domainref.h"
#include "connection/eventbindings.h"
#include "connection/eventdelivery.h"
#include "connection/typedparameters.h"

using namespace QVirtEvents;

static_assert(VIR_DOMAIN_EVENT_ID_LAST == 27, "a libvirt domain event ID needs its signal");

namespace {

QString text(const char *value)
{
    return value ? QString::fromUtf8(value) : QString();
}

QVariantMap graphicsAddress(const virDomainEventGraphicsAddress *address)
{
    if (!address)
        return {};
    return {{QStringLiteral("family"),
             QVariant::fromValue(static_cast<GraphicsAddressFamily>(address->family))},
            {QStringLiteral("node"), text(address->node)},
            {QStringLiteral("service"), text(address->service)}};
}

template<typename Sink>
void onLifecycle(virConnectPtr, virDomainPtr dom, int event, int detail, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), event, detail](auto *q) {
        Q_EMIT q->domainLifecycle(d, static_cast<DomainEvent>(event), detail);
    });
}

template<typename Sink> void onReboot(virConnectPtr, virDomainPtr dom, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom)](auto *q) { Q_EMIT q->domainRebooted(d); });
}

template<typename Sink>
void onRtcChange(virConnectPtr, virDomainPtr dom, long long utcOffset, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), utcOffset](auto *q) {
        Q_EMIT q->domainRtcChanged(d, utcOffset);
    });
}

template<typename Sink> void onWatchdog(virConnectPtr, virDomainPtr dom, int action, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), action](auto *q) {
        Q_EMIT q->domainWatchdog(d, static_cast<WatchdogAction>(action));
    });
}

template<typename Sink>
void onIOError(virConnectPtr, virDomainPtr dom, const char *srcPath, const char *devAlias,
               int action, void *opaque)
{
    Sink::deliver(
        opaque,
        [d = domainRefOf(dom), path = text(srcPath), alias = text(devAlias), action](auto *q) {
            Q_EMIT q->domainIOError(d, path, alias, static_cast<IOErrorAction>(action));
        });
}

template<typename Sink>
void onGraphics(virConnectPtr, virDomainPtr dom, int phase,
                const virDomainEventGraphicsAddress *local,
                const virDomainEventGraphicsAddress *remote, const char *authScheme,
                const virDomainEventGraphicsSubject *subject, void *opaque)
{
    QVariantList identities;
    for (int i = 0; subject && i < subject->nidentity; ++i) {
        identities.append(QVariantMap{{QStringLiteral("type"), text(subject->identities[i].type)},
                                      {QStringLiteral("name"), text(subject->identities[i].name)}});
    }
    Sink::deliver(opaque,
                  [d = domainRefOf(dom), phase, l = graphicsAddress(local),
                   r = graphicsAddress(remote), scheme = text(authScheme), identities](auto *q) {
                      Q_EMIT q->domainGraphics(d, static_cast<GraphicsPhase>(phase), l, r, scheme,
                                               identities);
                  });
}

template<typename Sink>
void onIOErrorReason(virConnectPtr, virDomainPtr dom, const char *srcPath, const char *devAlias,
                     int action, const char *reason, void *opaque)
{
    Sink::deliver(opaque,
                  [d = domainRefOf(dom), path = text(srcPath), alias = text(devAlias), action,
                   why = text(reason)](auto *q) {
                      Q_EMIT q->domainIOErrorReason(d, path, alias,
                                                    static_cast<IOErrorAction>(action), why);
                  });
}

template<typename Sink> void onControlError(virConnectPtr, virDomainPtr dom, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom)](auto *q) { Q_EMIT q->domainControlError(d); });
}

template<typename Sink>
void onBlockJob(virConnectPtr, virDomainPtr dom, const char *disk, int type, int status,
                void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), disk = text(disk), type, status](auto *q) {
        Q_EMIT q->domainBlockJob(d, disk, static_cast<BlockJobType>(type),
                                 static_cast<BlockJobStatus>(status));
    });
}

template<typename Sink>
void onDiskChange(virConnectPtr, virDomainPtr dom, const char *oldSrcPath, const char *newSrcPath,
                  const char *devAlias, int reason, void *opaque)
{
    Sink::deliver(opaque,
                  [d = domainRefOf(dom), from = text(oldSrcPath), to = text(newSrcPath),
                   alias = text(devAlias), reason](auto *q) {
                      Q_EMIT q->domainDiskChanged(d, from, to, alias,
                                                  static_cast<DiskChangeReason>(reason));
                  });
}

template<typename Sink>
void onTrayChange(virConnectPtr, virDomainPtr dom, const char *devAlias, int reason, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), alias = text(devAlias), reason](auto *q) {
        Q_EMIT q->domainTrayChanged(d, alias, static_cast<TrayChangeReason>(reason));
    });
}

// libvirt defines no reasons for the three PM events yet.
template<typename Sink> void onPMWakeup(virConnectPtr, virDomainPtr dom, int, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom)](auto *q) { Q_EMIT q->domainPMWakeup(d); });
}

template<typename Sink> void onPMSuspend(virConnectPtr, virDomainPtr dom, int, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom)](auto *q) { Q_EMIT q->domainPMSuspend(d); });
}

template<typename Sink>
void onBalloonChange(virConnectPtr, virDomainPtr dom, unsigned long long actual, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), actual](auto *q) {
        Q_EMIT q->domainBalloonChanged(d, actual);
    });
}

template<typename Sink> void onPMSuspendDisk(virConnectPtr, virDomainPtr dom, int, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom)](auto *q) { Q_EMIT q->domainPMSuspendDisk(d); });
}

template<typename Sink>
void onDeviceRemoved(virConnectPtr, virDomainPtr dom, const char *devAlias, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), alias = text(devAlias)](auto *q) {
        Q_EMIT q->domainDeviceRemoved(d, alias);
    });
}

template<typename Sink>
void onBlockJob2(virConnectPtr, virDomainPtr dom, const char *disk, int type, int status,
                 void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), disk = text(disk), type, status](auto *q) {
        Q_EMIT q->domainBlockJob2(d, disk, static_cast<BlockJobType>(type),
                                  static_cast<BlockJobStatus>(status));
    });
}

template<typename Sink>
void onTunable(virConnectPtr, virDomainPtr dom, virTypedParameterPtr params, int nparams,
               void *opaque)
{
    Sink::deliver(opaque,
                  [d = domainRefOf(dom), map = typedParametersToMap(params, nparams)](auto *q) {
                      Q_EMIT q->domainTunable(d, map);
                  });
}

template<typename Sink>
void onAgentLifecycle(virConnectPtr, virDomainPtr dom, int state, int reason, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), state, reason](auto *q) {
        Q_EMIT q->domainAgentLifecycle(d, static_cast<AgentLifecycleState>(state),
                                       static_cast<AgentLifecycleReason>(reason));
    });
}

template<typename Sink>
void onDeviceAdded(virConnectPtr, virDomainPtr dom, const char *devAlias, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), alias = text(devAlias)](auto *q) {
        Q_EMIT q->domainDeviceAdded(d, alias);
    });
}

template<typename Sink>
void onMigrationIteration(virConnectPtr, virDomainPtr dom, int iteration, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), iteration](auto *q) {
        Q_EMIT q->domainMigrationIteration(d, iteration);
    });
}

template<typename Sink>
void onJobCompleted(virConnectPtr, virDomainPtr dom, virTypedParameterPtr params, int nparams,
                    void *opaque)
{
    Sink::deliver(opaque,
                  [d = domainRefOf(dom), map = typedParametersToMap(params, nparams)](auto *q) {
                      Q_EMIT q->domainJobCompleted(d, map);
                  });
}

template<typename Sink>
void onDeviceRemovalFailed(virConnectPtr, virDomainPtr dom, const char *devAlias, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), alias = text(devAlias)](auto *q) {
        Q_EMIT q->domainDeviceRemovalFailed(d, alias);
    });
}

template<typename Sink>
void onMetadataChange(virConnectPtr, virDomainPtr dom, int type, const char *nsuri, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), type, uri = text(nsuri)](auto *q) {
        Q_EMIT q->domainMetadataChanged(d, static_cast<MetadataType>(type), uri);
    });
}

template<typename Sink>
void onBlockThreshold(virConnectPtr, virDomainPtr dom, const char *dev, const char *path,
                      unsigned long long threshold, unsigned long long excess, void *opaque)
{
    Sink::deliver(
        opaque,
        [d = domainRefOf(dom), dev = text(dev), path = text(path), threshold, excess](auto *q) {
            Q_EMIT q->domainBlockThreshold(d, dev, path, threshold, excess);
        });
}

template<typename Sink>
void onMemoryFailure(virConnectPtr, virDomainPtr dom, int recipient, int action, unsigned int flags,
                     void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), recipient, action, flags](auto *q) {
        Q_EMIT q->domainMemoryFailure(d, static_cast<MemoryFailureRecipient>(recipient),
                                      static_cast<MemoryFailureAction>(action),
                                      MemoryFailureFlags::fromInt(static_cast<int>(flags)));
    });
}

template<typename Sink>
void onMemoryDeviceSizeChange(virConnectPtr, virDomainPtr dom, const char *alias,
                              unsigned long long size, void *opaque)
{
    Sink::deliver(opaque, [d = domainRefOf(dom), alias = text(alias), size](auto *q) {
        Q_EMIT q->domainMemoryDeviceSizeChanged(d, alias, size);
    });
}

template<int Id, auto Callback>
int registerDomainEvent(virConnectPtr conn, virDomainPtr dom, void *opaque, virFreeCallback freecb)
{
    return virConnectDomainEventRegisterAny(
        conn, dom, Id, genericCallback<virConnectDomainEventGenericCallback>(Callback), opaque,
        freecb);
}

template<int Id, auto Callback, typename Signal>
EventBinding binding(const char *name, Signal signal)
{
    return EventBinding{name, QMetaMethod::fromSignal(signal), &registerDomainEvent<Id, Callback>,
                        &virConnectDomainEventDeregisterAny};
}

// The bindings for the signals of Sink::Target (QVirtConnection or
// QVirtDomainEvents, which have the same domain signals).
template<typename Sink> std::vector<EventBinding> bindingsFor()
{
    using C = typename Sink::Target;
    return {
        binding<VIR_DOMAIN_EVENT_ID_LIFECYCLE, onLifecycle<Sink>>("lifecycle", &C::domainLifecycle),
        binding<VIR_DOMAIN_EVENT_ID_REBOOT, onReboot<Sink>>("reboot", &C::domainRebooted),
        binding<VIR_DOMAIN_EVENT_ID_RTC_CHANGE, onRtcChange<Sink>>("rtc-change",
                                                                   &C::domainRtcChanged),
        binding<VIR_DOMAIN_EVENT_ID_WATCHDOG, onWatchdog<Sink>>("watchdog", &C::domainWatchdog),
        binding<VIR_DOMAIN_EVENT_ID_IO_ERROR, onIOError<Sink>>("io-error", &C::domainIOError),
        binding<VIR_DOMAIN_EVENT_ID_GRAPHICS, onGraphics<Sink>>("graphics", &C::domainGraphics),
        binding<VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON, onIOErrorReason<Sink>>(
            "io-error-reason", &C::domainIOErrorReason),
        binding<VIR_DOMAIN_EVENT_ID_CONTROL_ERROR, onControlError<Sink>>("control-error",
                                                                         &C::domainControlError),
        binding<VIR_DOMAIN_EVENT_ID_BLOCK_JOB, onBlockJob<Sink>>("block-job", &C::domainBlockJob),
        binding<VIR_DOMAIN_EVENT_ID_DISK_CHANGE, onDiskChange<Sink>>("disk-change",
                                                                     &C::domainDiskChanged),
        binding<VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, onTrayChange<Sink>>("tray-change",
                                                                     &C::domainTrayChanged),
        binding<VIR_DOMAIN_EVENT_ID_PMWAKEUP, onPMWakeup<Sink>>("pm-wakeup", &C::domainPMWakeup),
        binding<VIR_DOMAIN_EVENT_ID_PMSUSPEND, onPMSuspend<Sink>>("pm-suspend",
                                                                  &C::domainPMSuspend),
        binding<VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE, onBalloonChange<Sink>>(
            "balloon-change", &C::domainBalloonChanged),
        binding<VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK, onPMSuspendDisk<Sink>>("pm-suspend-disk",
                                                                           &C::domainPMSuspendDisk),
        binding<VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, onDeviceRemoved<Sink>>("device-removed",
                                                                           &C::domainDeviceRemoved),
        binding<VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2, onBlockJob2<Sink>>("block-job-2",
                                                                    &C::domainBlockJob2),
        binding<VIR_DOMAIN_EVENT_ID_TUNABLE, onTunable<Sink>>("tunable", &C::domainTunable),
        binding<VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE, onAgentLifecycle<Sink>>(
            "agent-lifecycle", &C::domainAgentLifecycle),
        binding<VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, onDeviceAdded<Sink>>("device-added",
                                                                       &C::domainDeviceAdded),
        binding<VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION, onMigrationIteration<Sink>>(
            "migration-iteration", &C::domainMigrationIteration),
        binding<VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, onJobCompleted<Sink>>("job-completed",
                                                                         &C::domainJobCompleted),
        binding<VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED, onDeviceRemovalFailed<Sink>>(
            "device-removal-failed", &C::domainDeviceRemovalFailed),
        binding<VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, onMetadataChange<Sink>>(
            "metadata-change", &C::domainMetadataChanged),
        binding<VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD, onBlockThreshold<Sink>>(
            "block-threshold", &C::domainBlockThreshold),
        binding<VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE, onMemoryFailure<Sink>>("memory-failure",
                                                                           &C::domainMemoryFailure),
        binding<VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE, onMemoryDeviceSizeChange<Sink>>(
            "memory-device-size-change", &C::domainMemoryDeviceSizeChanged),
    };
}

} // namespace

std::vector<EventBinding> domainEventBindings()
{
    return bindingsFor<ToConnection>();
}

std::vector<EventBinding> oneDomainEventBindings()
{
    return bindingsFor<ToDomainEvents>();
}
