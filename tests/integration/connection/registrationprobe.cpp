// SPDX-License-Identifier: LGPL-2.1-or-later

// First, so that every include sees the _LAST values.
#define VIR_ENUM_SENTINELS
#include <libvirt/libvirt.h>

#include "registrationprobe.h"

#include "integrationsupport.h"

#include <QtVirt/QVirtConnection>

#include <QtCore/QDeadlineTimer>
#include <QtTest/QTest>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace QtVirtConnectionTest {

namespace {

// The probes never see an event that matters; libvirt calls each through
// the pointer type of its event ID, and these ignore every argument.
void ignoreDomainEvent(virConnectPtr, virDomainPtr, void *) { }
void ignoreNetworkEvent(virConnectPtr, virNetworkPtr, void *) { }
void ignorePoolEvent(virConnectPtr, virStoragePoolPtr, void *) { }
void ignoreNodeDeviceEvent(virConnectPtr, virNodeDevicePtr, void *) { }
void ignoreSecretEvent(virConnectPtr, virSecretPtr, void *) { }

template<int Id> int registerDomainProbe(virConnectPtr conn)
{
    return virConnectDomainEventRegisterAny(
        conn, nullptr, Id, VIR_DOMAIN_EVENT_CALLBACK(ignoreDomainEvent), nullptr, nullptr);
}

template<int Id> int registerNetworkProbe(virConnectPtr conn)
{
    return virConnectNetworkEventRegisterAny(
        conn, nullptr, Id, VIR_NETWORK_EVENT_CALLBACK(ignoreNetworkEvent), nullptr, nullptr);
}

template<int Id> int registerPoolProbe(virConnectPtr conn)
{
    return virConnectStoragePoolEventRegisterAny(
        conn, nullptr, Id, VIR_STORAGE_POOL_EVENT_CALLBACK(ignorePoolEvent), nullptr, nullptr);
}

template<int Id> int registerNodeDeviceProbe(virConnectPtr conn)
{
    return virConnectNodeDeviceEventRegisterAny(
        conn, nullptr, Id, VIR_NODE_DEVICE_EVENT_CALLBACK(ignoreNodeDeviceEvent), nullptr, nullptr);
}

template<int Id> int registerSecretProbe(virConnectPtr conn)
{
    return virConnectSecretEventRegisterAny(
        conn, nullptr, Id, VIR_SECRET_EVENT_CALLBACK(ignoreSecretEvent), nullptr, nullptr);
}

template<int Id, typename Signal> EventProbe domainProbe(const char *name, Signal signal)
{
    return {name, QMetaMethod::fromSignal(signal), &registerDomainProbe<Id>,
            &virConnectDomainEventDeregisterAny};
}

} // namespace

QList<EventProbe> allEventProbes()
{
    using C = QVirtConnection;
    // Written out from libvirt's headers, independently of the library's own
    // table, so that a signal bound to the wrong ID shows.
    QList<EventProbe> probes = {
        domainProbe<VIR_DOMAIN_EVENT_ID_LIFECYCLE>("lifecycle", &C::domainLifecycle),
        domainProbe<VIR_DOMAIN_EVENT_ID_REBOOT>("reboot", &C::domainRebooted),
        domainProbe<VIR_DOMAIN_EVENT_ID_RTC_CHANGE>("rtc-change", &C::domainRtcChanged),
        domainProbe<VIR_DOMAIN_EVENT_ID_WATCHDOG>("watchdog", &C::domainWatchdog),
        domainProbe<VIR_DOMAIN_EVENT_ID_IO_ERROR>("io-error", &C::domainIOError),
        domainProbe<VIR_DOMAIN_EVENT_ID_GRAPHICS>("graphics", &C::domainGraphics),
        domainProbe<VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON>("io-error-reason",
                                                         &C::domainIOErrorReason),
        domainProbe<VIR_DOMAIN_EVENT_ID_CONTROL_ERROR>("control-error", &C::domainControlError),
        domainProbe<VIR_DOMAIN_EVENT_ID_BLOCK_JOB>("block-job", &C::domainBlockJob),
        domainProbe<VIR_DOMAIN_EVENT_ID_DISK_CHANGE>("disk-change", &C::domainDiskChanged),
        domainProbe<VIR_DOMAIN_EVENT_ID_TRAY_CHANGE>("tray-change", &C::domainTrayChanged),
        domainProbe<VIR_DOMAIN_EVENT_ID_PMWAKEUP>("pm-wakeup", &C::domainPMWakeup),
        domainProbe<VIR_DOMAIN_EVENT_ID_PMSUSPEND>("pm-suspend", &C::domainPMSuspend),
        domainProbe<VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE>("balloon-change", &C::domainBalloonChanged),
        domainProbe<VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK>("pm-suspend-disk", &C::domainPMSuspendDisk),
        domainProbe<VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED>("device-removed", &C::domainDeviceRemoved),
        domainProbe<VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2>("block-job-2", &C::domainBlockJob2),
        domainProbe<VIR_DOMAIN_EVENT_ID_TUNABLE>("tunable", &C::domainTunable),
        domainProbe<VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE>("agent-lifecycle",
                                                         &C::domainAgentLifecycle),
        domainProbe<VIR_DOMAIN_EVENT_ID_DEVICE_ADDED>("device-added", &C::domainDeviceAdded),
        domainProbe<VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION>("migration-iteration",
                                                             &C::domainMigrationIteration),
        domainProbe<VIR_DOMAIN_EVENT_ID_JOB_COMPLETED>("job-completed", &C::domainJobCompleted),
        domainProbe<VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED>("device-removal-failed",
                                                               &C::domainDeviceRemovalFailed),
        domainProbe<VIR_DOMAIN_EVENT_ID_METADATA_CHANGE>("metadata-change",
                                                         &C::domainMetadataChanged),
        domainProbe<VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD>("block-threshold",
                                                         &C::domainBlockThreshold),
        domainProbe<VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE>("memory-failure", &C::domainMemoryFailure),
        domainProbe<VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE>(
            "memory-device-size-change", &C::domainMemoryDeviceSizeChanged),
        {"network-lifecycle", QMetaMethod::fromSignal(&C::networkLifecycle),
         &registerNetworkProbe<VIR_NETWORK_EVENT_ID_LIFECYCLE>,
         &virConnectNetworkEventDeregisterAny},
        {"pool-lifecycle", QMetaMethod::fromSignal(&C::storagePoolLifecycle),
         &registerPoolProbe<VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE>,
         &virConnectStoragePoolEventDeregisterAny},
        {"pool-refresh", QMetaMethod::fromSignal(&C::storagePoolRefreshed),
         &registerPoolProbe<VIR_STORAGE_POOL_EVENT_ID_REFRESH>,
         &virConnectStoragePoolEventDeregisterAny},
        {"nodedev-lifecycle", QMetaMethod::fromSignal(&C::nodeDeviceLifecycle),
         &registerNodeDeviceProbe<VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE>,
         &virConnectNodeDeviceEventDeregisterAny},
        {"nodedev-update", QMetaMethod::fromSignal(&C::nodeDeviceUpdated),
         &registerNodeDeviceProbe<VIR_NODE_DEVICE_EVENT_ID_UPDATE>,
         &virConnectNodeDeviceEventDeregisterAny},
        {"secret-lifecycle", QMetaMethod::fromSignal(&C::secretLifecycle),
         &registerSecretProbe<VIR_SECRET_EVENT_ID_LIFECYCLE>, &virConnectSecretEventDeregisterAny},
        {"secret-value-changed", QMetaMethod::fromSignal(&C::secretValueChanged),
         &registerSecretProbe<VIR_SECRET_EVENT_ID_VALUE_CHANGED>,
         &virConnectSecretEventDeregisterAny},
    };
    static_assert(VIR_DOMAIN_EVENT_ID_LAST == 27 && VIR_NETWORK_EVENT_ID_LAST == 1
                      && VIR_STORAGE_POOL_EVENT_ID_LAST == 2 && VIR_NODE_DEVICE_EVENT_ID_LAST == 2
                      && VIR_SECRET_EVENT_ID_LAST == 2,
                  "a libvirt event ID needs its probe");
    return probes;
}

QList<bool> answeredWhileDaemonStopped(virConnectPtr conn, const QList<EventProbe> &probes,
                                       pid_t daemon, std::chrono::milliseconds wait)
{
    struct Attempt
    {
        std::atomic<bool> answered{false};
        int callbackId = -1;
        QString error; // libvirt's errors belong to the thread that made the call
    };
    std::vector<std::unique_ptr<Attempt>> attempts;
    std::vector<std::thread> threads;
    QList<bool> answered;
    {
        const QtVirtIntegration::ProcessFreeze freeze(daemon);
        if (!freeze.isFrozen()) {
            QTest::qFail(qPrintable(freeze.errorString()), __FILE__, __LINE__);
            return answered;
        }
        for (const EventProbe &probe : probes) {
            attempts.push_back(std::make_unique<Attempt>());
            threads.emplace_back([conn, &probe, attempt = attempts.back().get()] {
                attempt->callbackId = probe.registerProbe(conn);
                if (attempt->callbackId < 0)
                    attempt->error = QtVirtIntegration::lastError();
                attempt->answered = true;
            });
        }
        const auto allAnswered = [&attempts] {
            for (const auto &attempt : attempts) {
                if (!attempt->answered)
                    return false;
            }
            return true;
        };
        const QDeadlineTimer deadline(wait);
        while (!allAnswered() && !deadline.hasExpired())
            QTest::qWait(10);
        for (const auto &attempt : attempts)
            answered.append(attempt->answered);
    }
    for (std::thread &thread : threads)
        thread.join();
    for (qsizetype i = 0; i < probes.size(); ++i) {
        const Attempt &attempt = *attempts.at(static_cast<std::size_t>(i));
        if (attempt.callbackId < 0) {
            QTest::qFail(qPrintable(QStringLiteral("the %1 probe was refused: %2")
                                        .arg(QLatin1String(probes.at(i).name), attempt.error)),
                         __FILE__, __LINE__);
            continue;
        }
        probes.at(i).deregisterProbe(conn, attempt.callbackId);
    }
    return answered;
}

} // namespace QtVirtConnectionTest
