// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTEVENTS_H
#define QTVIRT_QVIRTEVENTS_H

#include <QtVirt/qtvirtglobal.h>

#include <QtCore/QObject>
#include <QtCore/QString>

/*!
    \namespace QVirtEvents
    \brief The types and details of the events QVirtConnection reports.

    Every value equals libvirt's, so a value can be compared with or cast
    from the libvirt constant named next to it. The *Text() functions give
    translated, human-readable names (context "QVirtEvents").

    \since 0.1
*/
namespace QVirtEvents {
Q_NAMESPACE_EXPORT(QTVIRT_EXPORT)
// For QML's engine: several enums share key names (Defined, Migrated,
// Shutdown ...) with different values, so QML names them scoped only
// (QVirtEvents.DomainEvent.Started).
Q_CLASSINFO("RegisterEnumClassesUnscoped", "false")

/*! virDomainEventType. \since 0.1 */
enum class DomainEvent {
    Defined = 0,
    Undefined = 1,
    Started = 2,
    Suspended = 3,
    Resumed = 4,
    Stopped = 5,
    Shutdown = 6,
    PMSuspended = 7,
    Crashed = 8,
};
Q_ENUM_NS(DomainEvent)

/*! virDomainEventDefinedDetailType. \since 0.1 */
enum class DefinedDetail { Added = 0, Updated = 1, Renamed = 2, FromSnapshot = 3 };
Q_ENUM_NS(DefinedDetail)

/*! virDomainEventUndefinedDetailType. \since 0.1 */
enum class UndefinedDetail { Removed = 0, Renamed = 1 };
Q_ENUM_NS(UndefinedDetail)

/*! virDomainEventStartedDetailType. \since 0.1 */
enum class StartedDetail { Booted = 0, Migrated = 1, Restored = 2, FromSnapshot = 3, Wakeup = 4 };
Q_ENUM_NS(StartedDetail)

/*! virDomainEventSuspendedDetailType. \since 0.1 */
enum class SuspendedDetail {
    Paused = 0,
    Migrated = 1,
    IOError = 2,
    Watchdog = 3,
    Restored = 4,
    FromSnapshot = 5,
    ApiError = 6,
    PostCopy = 7,
    PostCopyFailed = 8,
};
Q_ENUM_NS(SuspendedDetail)

/*! virDomainEventResumedDetailType. \since 0.1 */
enum class ResumedDetail {
    Unpaused = 0,
    Migrated = 1,
    FromSnapshot = 2,
    PostCopy = 3,
    PostCopyFailed = 4,
};
Q_ENUM_NS(ResumedDetail)

/*! virDomainEventStoppedDetailType. \since 0.1 */
enum class StoppedDetail {
    Shutdown = 0,
    Destroyed = 1,
    Crashed = 2,
    Migrated = 3,
    Saved = 4,
    Failed = 5,
    FromSnapshot = 6,
};
Q_ENUM_NS(StoppedDetail)

/*! virDomainEventShutdownDetailType. \since 0.1 */
enum class ShutdownDetail { Finished = 0, Guest = 1, Host = 2 };
Q_ENUM_NS(ShutdownDetail)

/*! virDomainEventPMSuspendedDetailType. \since 0.1 */
enum class PMSuspendedDetail { Memory = 0, Disk = 1 };
Q_ENUM_NS(PMSuspendedDetail)

/*! virDomainEventCrashedDetailType. \since 0.1 */
enum class CrashedDetail { Panicked = 0, Crashloaded = 1 };
Q_ENUM_NS(CrashedDetail)

/*! virDomainEventWatchdogAction. \since 0.1 */
enum class WatchdogAction {
    None = 0,
    Pause = 1,
    Reset = 2,
    PowerOff = 3,
    Shutdown = 4,
    Debug = 5,
    InjectNmi = 6,
};
Q_ENUM_NS(WatchdogAction)

/*! virDomainEventIOErrorAction. \since 0.1 */
enum class IOErrorAction { None = 0, Pause = 1, Report = 2 };
Q_ENUM_NS(IOErrorAction)

/*! virDomainEventGraphicsPhase. \since 0.1 */
enum class GraphicsPhase { Connect = 0, Initialize = 1, Disconnect = 2 };
Q_ENUM_NS(GraphicsPhase)

/*! virDomainEventGraphicsAddressType. \since 0.1 */
enum class GraphicsAddressFamily { IPv4 = 0, IPv6 = 1, Unix = 2 };
Q_ENUM_NS(GraphicsAddressFamily)

/*! virDomainBlockJobType. \since 0.1 */
enum class BlockJobType {
    Unknown = 0,
    Pull = 1,
    Copy = 2,
    Commit = 3,
    ActiveCommit = 4,
    Backup = 5
};
Q_ENUM_NS(BlockJobType)

/*! virConnectDomainEventBlockJobStatus. \since 0.1 */
enum class BlockJobStatus { Completed = 0, Failed = 1, Canceled = 2, Ready = 3 };
Q_ENUM_NS(BlockJobStatus)

/*! virConnectDomainEventDiskChangeReason. \since 0.1 */
enum class DiskChangeReason { MissingOnStart = 0, DropMissingOnStart = 1 };
Q_ENUM_NS(DiskChangeReason)

/*! virDomainEventTrayChangeReason. \since 0.1 */
enum class TrayChangeReason { Opened = 0, Closed = 1 };
Q_ENUM_NS(TrayChangeReason)

/*! virConnectDomainEventAgentLifecycleState. \since 0.1 */
enum class AgentLifecycleState { Connected = 1, Disconnected = 2 };
Q_ENUM_NS(AgentLifecycleState)

/*! virConnectDomainEventAgentLifecycleReason. \since 0.1 */
enum class AgentLifecycleReason { Unknown = 0, DomainStarted = 1, Channel = 2 };
Q_ENUM_NS(AgentLifecycleReason)

/*! virDomainMetadataType. \since 0.1 */
enum class MetadataType { Description = 0, Title = 1, Element = 2 };
Q_ENUM_NS(MetadataType)

/*! virDomainMemoryFailureRecipientType. \since 0.1 */
enum class MemoryFailureRecipient { Hypervisor = 0, Guest = 1 };
Q_ENUM_NS(MemoryFailureRecipient)

/*! virDomainMemoryFailureActionType. \since 0.1 */
enum class MemoryFailureAction { Ignore = 0, Inject = 1, Fatal = 2, Reset = 3 };
Q_ENUM_NS(MemoryFailureAction)

/*! virDomainMemoryFailureFlags. \since 0.1 */
enum class MemoryFailureFlag { ActionRequired = 1, Recursive = 2 };
Q_DECLARE_FLAGS(MemoryFailureFlags, MemoryFailureFlag)
Q_FLAG_NS(MemoryFailureFlags)

/*! virNetworkEventLifecycleType. \since 0.1 */
enum class NetworkEvent { Defined = 0, Undefined = 1, Started = 2, Stopped = 3 };
Q_ENUM_NS(NetworkEvent)

/*! virStoragePoolEventLifecycleType. \since 0.1 */
enum class StoragePoolEvent {
    Defined = 0,
    Undefined = 1,
    Started = 2,
    Stopped = 3,
    Created = 4,
    Deleted = 5,
};
Q_ENUM_NS(StoragePoolEvent)

/*! virNodeDeviceEventLifecycleType. \since 0.1 */
enum class NodeDeviceEvent { Created = 0, Deleted = 1, Defined = 2, Undefined = 3 };
Q_ENUM_NS(NodeDeviceEvent)

/*! virSecretEventLifecycleType. \since 0.1 */
enum class SecretEvent { Defined = 0, Undefined = 1 };
Q_ENUM_NS(SecretEvent)

/*! virSecretUsageType. \since 0.1 */
enum class SecretUsageType { None = 0, Volume = 1, Ceph = 2, Iscsi = 3, Tls = 4, Vtpm = 5 };
Q_ENUM_NS(SecretUsageType)

/*!
    Returns the translated name of the domain lifecycle \a event with its \a detail, for
    example "Stopped (destroyed)". A detail this version does not know gives the event's
    name alone.
    \since 0.1
*/
QTVIRT_EXPORT QString domainEventText(DomainEvent event, int detail);

/*!
    Returns the translated name of the domain lifecycle \a event, for example "Stopped".
    \since 0.1
*/
QTVIRT_EXPORT QString domainEventText(DomainEvent event);

/*!
    Returns the translated name of the network \a event, for example "Started".
    \since 0.1
*/
QTVIRT_EXPORT QString networkEventText(NetworkEvent event);

/*!
    Returns the translated name of the storage pool \a event, for example "Deleted".
    \since 0.1
*/
QTVIRT_EXPORT QString storagePoolEventText(StoragePoolEvent event);

/*!
    Returns the translated name of the node device \a event, for example "Created".
    \since 0.1
*/
QTVIRT_EXPORT QString nodeDeviceEventText(NodeDeviceEvent event);

/*!
    Returns the translated name of the secret \a event, for example "Undefined".
    \since 0.1
*/
QTVIRT_EXPORT QString secretEventText(SecretEvent event);

} // namespace QVirtEvents

Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtEvents::MemoryFailureFlags)

#endif // QTVIRT_QVIRTEVENTS_H
