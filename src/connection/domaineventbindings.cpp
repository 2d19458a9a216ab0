// SPDX-License-Identifier: LGPL-2.1-or-later
//
// libvirt's 27 domain event callbacks, each turned into its signal.

// First, so that every include sees the _LAST values.
#define VIR_ENUM_SENTINELS
#include <libvirt/libvirt.h>

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

void onLifecycle(virConnectPtr, virDomainPtr dom, int event, int detail, void *opaque)
{
    deliverEvent(opaque, [d = domainRefOf(dom), event, detail](QVirtConnection *q) {
        Q_EMIT q->domainLifecycle(d, static_cast<DomainEvent>(event), detail);
    });
}

void onReboot(virConnectPtr, virDomainPtr dom, void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom)](QVirtConnection *q) { Q_EMIT q->domainRebooted(d); });
}

void onRtcChange(virConnectPtr, virDomainPtr dom, long long utcOffset, void *opaque)
{
    deliverEvent(opaque, [d = domainRefOf(dom), utcOffset](QVirtConnection *q) {
        Q_EMIT q->domainRtcChanged(d, utcOffset);
    });
}

void onWatchdog(virConnectPtr, virDomainPtr dom, int action, void *opaque)
{
    deliverEvent(opaque, [d = domainRefOf(dom), action](QVirtConnection *q) {
        Q_EMIT q->domainWatchdog(d, static_cast<WatchdogAction>(action));
    });
}

void onIOError(virConnectPtr, virDomainPtr dom, const char *srcPath, const char *devAlias,
               int action, void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom), path = text(srcPath), alias = text(devAlias),
                  action](QVirtConnection *q) {
                     Q_EMIT q->domainIOError(d, path, alias, static_cast<IOErrorAction>(action));
                 });
}

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
    deliverEvent(opaque,
                 [d = domainRefOf(dom), phase, l = graphicsAddress(local),
                  r = graphicsAddress(remote), scheme = text(authScheme),
                  identities](QVirtConnection *q) {
                     Q_EMIT q->domainGraphics(d, static_cast<GraphicsPhase>(phase), l, r, scheme,
                                              identities);
                 });
}

void onIOErrorReason(virConnectPtr, virDomainPtr dom, const char *srcPath, const char *devAlias,
                     int action, const char *reason, void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom), path = text(srcPath), alias = text(devAlias), action,
                  why = text(reason)](QVirtConnection *q) {
                     Q_EMIT q->domainIOErrorReason(d, path, alias,
                                                   static_cast<IOErrorAction>(action), why);
                 });
}

void onControlError(virConnectPtr, virDomainPtr dom, void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom)](QVirtConnection *q) { Q_EMIT q->domainControlError(d); });
}

void onBlockJob(virConnectPtr, virDomainPtr dom, const char *disk, int type, int status,
                void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom), disk = text(disk), type, status](QVirtConnection *q) {
                     Q_EMIT q->domainBlockJob(d, disk, static_cast<BlockJobType>(type),
                                              static_cast<BlockJobStatus>(status));
                 });
}

void onDiskChange(virConnectPtr, virDomainPtr dom, const char *oldSrcPath, const char *newSrcPath,
                  const char *devAlias, int reason, void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom), from = text(oldSrcPath), to = text(newSrcPath),
                  alias = text(devAlias), reason](QVirtConnection *q) {
                     Q_EMIT q->domainDiskChanged(d, from, to, alias,
                                                 static_cast<DiskChangeReason>(reason));
                 });
}

void onTrayChange(virConnectPtr, virDomainPtr dom, const char *devAlias, int reason, void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom), alias = text(devAlias), reason](QVirtConnection *q) {
                     Q_EMIT q->domainTrayChanged(d, alias, static_cast<TrayChangeReason>(reason));
                 });
}

// libvirt defines no reasons for the three PM events yet.
void onPMWakeup(virConnectPtr, virDomainPtr dom, int, void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom)](QVirtConnection *q) { Q_EMIT q->domainPMWakeup(d); });
}

void onPMSuspend(virConnectPtr, virDomainPtr dom, int, void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom)](QVirtConnection *q) { Q_EMIT q->domainPMSuspend(d); });
}

void onBalloonChange(virConnectPtr, virDomainPtr dom, unsigned long long actual, void *opaque)
{
    deliverEvent(opaque, [d = domainRefOf(dom), actual](QVirtConnection *q) {
        Q_EMIT q->domainBalloonChanged(d, actual);
    });
}

void onPMSuspendDisk(virConnectPtr, virDomainPtr dom, int, void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom)](QVirtConnection *q) { Q_EMIT q->domainPMSuspendDisk(d); });
}

void onDeviceRemoved(virConnectPtr, virDomainPtr dom, const char *devAlias, void *opaque)
{
    deliverEvent(opaque, [d = domainRefOf(dom), alias = text(devAlias)](QVirtConnection *q) {
        Q_EMIT q->domainDeviceRemoved(d, alias);
    });
}

void onBlockJob2(virConnectPtr, virDomainPtr dom, const char *disk, int type, int status,
                 void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom), disk = text(disk), type, status](QVirtConnection *q) {
                     Q_EMIT q->domainBlockJob2(d, disk, static_cast<BlockJobType>(type),
                                               static_cast<BlockJobStatus>(status));
                 });
}

void onTunable(virConnectPtr, virDomainPtr dom, virTypedParameterPtr params, int nparams,
               void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom), map = typedParametersToMap(params, nparams)](
                     QVirtConnection *q) { Q_EMIT q->domainTunable(d, map); });
}

void onAgentLifecycle(virConnectPtr, virDomainPtr dom, int state, int reason, void *opaque)
{
    deliverEvent(opaque, [d = domainRefOf(dom), state, reason](QVirtConnection *q) {
        Q_EMIT q->domainAgentLifecycle(d, static_cast<AgentLifecycleState>(state),
                                       static_cast<AgentLifecycleReason>(reason));
    });
}

void onDeviceAdded(virConnectPtr, virDomainPtr dom, const char *devAlias, void *opaque)
{
    deliverEvent(opaque, [d = domainRefOf(dom), alias = text(devAlias)](QVirtConnection *q) {
        Q_EMIT q->domainDeviceAdded(d, alias);
    });
}

void onMigrationIteration(virConnectPtr, virDomainPtr dom, int iteration, void *opaque)
{
    deliverEvent(opaque, [d = domainRefOf(dom), iteration](QVirtConnection *q) {
        Q_EMIT q->domainMigrationIteration(d, iteration);
    });
}

void onJobCompleted(virConnectPtr, virDomainPtr dom, virTypedParameterPtr params, int nparams,
                    void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom), map = typedParametersToMap(params, nparams)](
                     QVirtConnection *q) { Q_EMIT q->domainJobCompleted(d, map); });
}

void onDeviceRemovalFailed(virConnectPtr, virDomainPtr dom, const char *devAlias, void *opaque)
{
    deliverEvent(opaque, [d = domainRefOf(dom), alias = text(devAlias)](QVirtConnection *q) {
        Q_EMIT q->domainDeviceRemovalFailed(d, alias);
    });
}

void onMetadataChange(virConnectPtr, virDomainPtr dom, int type, const char *nsuri, void *opaque)
{
    deliverEvent(opaque, [d = domainRefOf(dom), type, uri = text(nsuri)](QVirtConnection *q) {
        Q_EMIT q->domainMetadataChanged(d, static_cast<MetadataType>(type), uri);
    });
}

void onBlockThreshold(virConnectPtr, virDomainPtr dom, const char *dev, const char *path,
                      unsigned long long threshold, unsigned long long excess, void *opaque)
{
    deliverEvent(opaque,
                 [d = domainRefOf(dom), dev = text(dev), path = text(path), threshold,
                  excess](QVirtConnection *q) {
                     Q_EMIT q->domainBlockThreshold(d, dev, path, threshold, excess);
                 });
}

void onMemoryFailure(virConnectPtr, virDomainPtr dom, int recipient, int action, unsigned int flags,
                     void *opaque)
{
    deliverEvent(opaque, [d = domainRefOf(dom), recipient, action, flags](QVirtConnection *q) {
        Q_EMIT q->domainMemoryFailure(d, static_cast<MemoryFailureRecipient>(recipient),
                                      static_cast<MemoryFailureAction>(action),
                                      MemoryFailureFlags::fromInt(static_cast<int>(flags)));
    });
}

void onMemoryDeviceSizeChange(virConnectPtr, virDomainPtr dom, const char *alias,
                              unsigned long long size, void *opaque)
{
    deliverEvent(opaque, [d = domainRefOf(dom), alias = text(alias), size](QVirtConnection *q) {
        Q_EMIT q->domainMemoryDeviceSizeChanged(d, alias, size);
    });
}

template<int Id, auto Callback>
int registerDomainEvent(virConnectPtr conn, void *opaque, virFreeCallback freecb)
{
    return virConnectDomainEventRegisterAny(
        conn, nullptr, Id, genericCallback<virConnectDomainEventGenericCallback>(Callback), opaque,
        freecb);
}

template<int Id, auto Callback, typename Signal>
EventBinding binding(const char *name, Signal signal)
{
    return EventBinding{name, QMetaMethod::fromSignal(signal), &registerDomainEvent<Id, Callback>,
                        &virConnectDomainEventDeregisterAny};
}

} // namespace

std::vector<EventBinding> domainEventBindings()
{
    using C = QVirtConnection;
    return {
        binding<VIR_DOMAIN_EVENT_ID_LIFECYCLE, onLifecycle>("lifecycle", &C::domainLifecycle),
        binding<VIR_DOMAIN_EVENT_ID_REBOOT, onReboot>("reboot", &C::domainRebooted),
        binding<VIR_DOMAIN_EVENT_ID_RTC_CHANGE, onRtcChange>("rtc-change", &C::domainRtcChanged),
        binding<VIR_DOMAIN_EVENT_ID_WATCHDOG, onWatchdog>("watchdog", &C::domainWatchdog),
        binding<VIR_DOMAIN_EVENT_ID_IO_ERROR, onIOError>("io-error", &C::domainIOError),
        binding<VIR_DOMAIN_EVENT_ID_GRAPHICS, onGraphics>("graphics", &C::domainGraphics),
        binding<VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON, onIOErrorReason>("io-error-reason",
                                                                      &C::domainIOErrorReason),
        binding<VIR_DOMAIN_EVENT_ID_CONTROL_ERROR, onControlError>("control-error",
                                                                   &C::domainControlError),
        binding<VIR_DOMAIN_EVENT_ID_BLOCK_JOB, onBlockJob>("block-job", &C::domainBlockJob),
        binding<VIR_DOMAIN_EVENT_ID_DISK_CHANGE, onDiskChange>("disk-change",
                                                               &C::domainDiskChanged),
        binding<VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, onTrayChange>("tray-change",
                                                               &C::domainTrayChanged),
        binding<VIR_DOMAIN_EVENT_ID_PMWAKEUP, onPMWakeup>("pm-wakeup", &C::domainPMWakeup),
        binding<VIR_DOMAIN_EVENT_ID_PMSUSPEND, onPMSuspend>("pm-suspend", &C::domainPMSuspend),
        binding<VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE, onBalloonChange>("balloon-change",
                                                                     &C::domainBalloonChanged),
        binding<VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK, onPMSuspendDisk>("pm-suspend-disk",
                                                                     &C::domainPMSuspendDisk),
        binding<VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, onDeviceRemoved>("device-removed",
                                                                     &C::domainDeviceRemoved),
        binding<VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2, onBlockJob2>("block-job-2", &C::domainBlockJob2),
        binding<VIR_DOMAIN_EVENT_ID_TUNABLE, onTunable>("tunable", &C::domainTunable),
        binding<VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE, onAgentLifecycle>("agent-lifecycle",
                                                                       &C::domainAgentLifecycle),
        binding<VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, onDeviceAdded>("device-added",
                                                                 &C::domainDeviceAdded),
        binding<VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION, onMigrationIteration>(
            "migration-iteration", &C::domainMigrationIteration),
        binding<VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, onJobCompleted>("job-completed",
                                                                   &C::domainJobCompleted),
        binding<VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED, onDeviceRemovalFailed>(
            "device-removal-failed", &C::domainDeviceRemovalFailed),
        binding<VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, onMetadataChange>("metadata-change",
                                                                       &C::domainMetadataChanged),
        binding<VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD, onBlockThreshold>("block-threshold",
                                                                       &C::domainBlockThreshold),
        binding<VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE, onMemoryFailure>("memory-failure",
                                                                     &C::domainMemoryFailure),
        binding<VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE, onMemoryDeviceSizeChange>(
            "memory-device-size-change", &C::domainMemoryDeviceSizeChanged),
    };
}
