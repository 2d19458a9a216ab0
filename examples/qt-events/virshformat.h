// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTEVENTS_VIRSHFORMAT_H
#define QTVIRT_EXAMPLES_QTEVENTS_VIRSHFORMAT_H

#include <QtVirt/QVirtConnection>

#include <QtCore/QDateTime>
#include <QtCore/QString>

// The text `virsh event`, `net-event`, `pool-event`, `nodedev-event` and
// `secret-event` print for each event (libvirt 9.0, tools/virsh-*.c), so
// that scripts written against virsh read this program's output
// unchanged. It stays untranslated, like virsh's under LC_ALL=C. Each text
// ends without its final newline; some span several lines. Unlike virsh,
// every string from the daemon (names, aliases, paths, URIs, identities)
// shows its control characters as \xHH (TerminalText::escaped()), so that
// only this code decides where a line ends and what the terminal does.
namespace VirshFormat {

QString lifecycle(const char *eventName, const QVirtDomainRef &domain,
                  QVirtEvents::DomainEvent event, int detail);
// Each domain event's text starts with its name, eventName, given by the
// caller (the one table of qt-events' names); several events share a text.
// reboot, control-error, pm-wakeup, pm-suspend and pm-suspend-disk.
QString generic(const char *eventName, const QVirtDomainRef &domain);
QString rtcChange(const char *eventName, const QVirtDomainRef &domain, qint64 utcOffset);
QString watchdog(const char *eventName, const QVirtDomainRef &domain,
                 QVirtEvents::WatchdogAction action);
QString ioError(const char *eventName, const QVirtDomainRef &domain, const QString &path,
                const QString &alias, QVirtEvents::IOErrorAction action);
QString ioErrorReason(const char *eventName, const QVirtDomainRef &domain, const QString &path,
                      const QString &alias, QVirtEvents::IOErrorAction action,
                      const QString &reason);
QString graphics(const char *eventName, const QVirtDomainRef &domain,
                 QVirtEvents::GraphicsPhase phase, const QVariantMap &local,
                 const QVariantMap &remote, const QString &authScheme, const QVariantList &subject);
// block-job and block-job-2.
QString blockJob(const char *eventName, const QVirtDomainRef &domain, const QString &disk,
                 QVirtEvents::BlockJobType type, QVirtEvents::BlockJobStatus status);
QString diskChange(const char *eventName, const QVirtDomainRef &domain, const QString &oldSource,
                   const QString &newSource, const QString &alias,
                   QVirtEvents::DiskChangeReason reason);
QString trayChange(const char *eventName, const QVirtDomainRef &domain, const QString &alias,
                   QVirtEvents::TrayChangeReason reason);
QString balloonChange(const char *eventName, const QVirtDomainRef &domain, quint64 actualKiB);
// device-removed, device-added and device-removal-failed.
QString device(const char *eventName, const QVirtDomainRef &domain, const QString &alias);
// tunable and job-completed.
QString typedParameters(const char *eventName, const QVirtDomainRef &domain,
                        const QVariantMap &parameters);
QString agentLifecycle(const char *eventName, const QVirtDomainRef &domain,
                       QVirtEvents::AgentLifecycleState state,
                       QVirtEvents::AgentLifecycleReason reason);
QString migrationIteration(const char *eventName, const QVirtDomainRef &domain, int iteration);
QString metadataChange(const char *eventName, const QVirtDomainRef &domain,
                       QVirtEvents::MetadataType type, const QString &nsUri);
QString blockThreshold(const char *eventName, const QVirtDomainRef &domain, const QString &device,
                       const QString &path, quint64 threshold, quint64 excess);
QString memoryFailure(const char *eventName, const QVirtDomainRef &domain,
                      QVirtEvents::MemoryFailureRecipient recipient,
                      QVirtEvents::MemoryFailureAction action,
                      QVirtEvents::MemoryFailureFlags flags);
QString memoryDeviceSizeChange(const char *eventName, const QVirtDomainRef &domain,
                               const QString &alias, quint64 sizeKiB);

QString networkLifecycle(const QString &name, QVirtEvents::NetworkEvent event);
QString poolLifecycle(const QString &name, QVirtEvents::StoragePoolEvent event);
QString poolRefresh(const QString &name);
QString nodeDeviceLifecycle(const QString &name, QVirtEvents::NodeDeviceEvent event);
QString nodeDeviceUpdate(const QString &name);
QString secretLifecycle(const QUuid &uuid, QVirtEvents::SecretEvent event);
QString secretValueChanged(const QUuid &uuid);

// The prefix `--timestamp` puts before an event, for example
// "2024-05-01 09:30:00.250+0000: " (always UTC, milliseconds).
QString timestampPrefix(const QDateTime &when);

} // namespace VirshFormat

#endif // QTVIRT_EXAMPLES_QTEVENTS_VIRSHFORMAT_H
