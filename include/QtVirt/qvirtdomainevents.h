// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTDOMAINEVENTS_H
#define QTVIRT_QVIRTDOMAINEVENTS_H

#include <QtVirt/qtvirtglobal.h>
#include <QtVirt/qvirtdomainref.h>
#include <QtVirt/qvirtevents.h>

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QVariantList>
#include <QtCore/QVariantMap>

#include <memory>

class QVirtConnection;
class QVirtDomainEventsPrivate;

/*!
    \class QVirtDomainEvents
    \brief The events of one domain, as signals.

    QVirtConnection::domainEvents() makes one. Its signals are
    QVirtConnection's domain event signals, for domain() only: libvirt
    filters the events in the daemon (each callback is registered with the
    domain), so that the events of other domains do not travel to this
    process at all, which matters to a details window on a remote link.

    As on QVirtConnection, a libvirt callback is registered only while its
    signal has a receiver and the connection is open, registered again
    after a reconnect, and gone when the connection closes. The domain is
    looked up (by UUID, or by name when the UUID is null) when a callback is
    registered: for a domain that does not exist then, errorOccurred() is
    emitted with LookupError and no callback registered until the next
    connect() to a signal of this object or of its connection, or the next
    open. Events keep
    coming for a domain that is undefined and defined again with the same
    UUID.

    It is a child of its QVirtConnection, shared by everyone who asks the
    connection for the events of that domain: disconnecting from its
    signals is enough to stop the daemon from sending their events.
    Deleting it deregisters every callback (in the connection's thread for
    libvirt calls, waited for at most 40 ms, as connect()); the next
    QVirtConnection::domainEvents() call then makes a new one. Use it from
    the connection's thread.

    \code
    QVirtDomainEvents *events = conn->domainEvents(domain);
    connect(events, &QVirtDomainEvents::domainLifecycle, this, &DetailsWindow::updateState);
    \endcode

    \since 0.2
*/
class QTVIRT_EXPORT QVirtDomainEvents : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QVirtDomainRef domain READ domain CONSTANT)

public:
    /*!
        What went wrong, as error() and errorOccurred() report it, in the
        manner of QAbstractSocket::SocketError. The details are in
        errorString().
        \since 0.2
    */
    enum Error {
        NoError,     ///< Nothing has failed since the domain was last found.
        LookupError, ///< The domain could not be looked up (for example, it does not exist).
    };
    Q_ENUM(Error)

    /*! Deregisters its callbacks. \since 0.2 */
    ~QVirtDomainEvents() override;

    /*! The domain whose events this object receives. \since 0.2 */
    QVirtDomainRef domain() const;

    /*!
        The last error, or NoError: finding the domain again resets it.
        \since 0.2
    */
    Error error() const;
    /*! What error() means: libvirt's message. Empty while error() is NoError. \since 0.2 */
    QString errorString() const;

Q_SIGNALS:
    /*!
        The domain could not be looked up to register a callback (for
        example, it does not exist): \a error is LookupError, and
        errorString() has libvirt's message; both are set when this is
        emitted. The lookup is tried again at the next connect() to a signal
        of this object or of its connection, and at the next open.
        \since 0.2
    */
    void errorOccurred(QVirtDomainEvents::Error error);

    /*!
        VIR_DOMAIN_EVENT_ID_LIFECYCLE: \a domain changed state. \a event is what happened
        (started, stopped, ...) and \a detail one of the *Detail enums of \a event (for
        example StoppedDetail for DomainEvent::Stopped); QVirtEvents::domainEventText()
        turns both into text.
        \since 0.2
    */
    void domainLifecycle(const QVirtDomainRef &domain, QVirtEvents::DomainEvent event, int detail);
    /*!
        VIR_DOMAIN_EVENT_ID_REBOOT: the guest of \a domain rebooted.
        \since 0.2
    */
    void domainRebooted(const QVirtDomainRef &domain);
    /*!
        VIR_DOMAIN_EVENT_ID_RTC_CHANGE: the guest of \a domain set its real-time clock, now
        \a utcOffset seconds from UTC.
        \since 0.2
    */
    void domainRtcChanged(const QVirtDomainRef &domain, qint64 utcOffset);
    /*!
        VIR_DOMAIN_EVENT_ID_WATCHDOG: the watchdog device of \a domain fired, and the
        hypervisor took \a action.
        \since 0.2
    */
    void domainWatchdog(const QVirtDomainRef &domain, QVirtEvents::WatchdogAction action);
    /*!
        VIR_DOMAIN_EVENT_ID_IO_ERROR: an I/O error on the disk \a deviceAlias of \a domain,
        whose host source is \a sourcePath; the hypervisor took \a action.
        \since 0.2
    */
    void domainIOError(const QVirtDomainRef &domain, const QString &sourcePath,
                       const QString &deviceAlias, QVirtEvents::IOErrorAction action);
    /*!
        VIR_DOMAIN_EVENT_ID_GRAPHICS: a client of the graphical console of \a domain reached
        \a phase (connected, authenticated, disconnected). \a local and \a remote hold
        "family" (GraphicsAddressFamily), "node" and "service"; \a authScheme names the
        authentication used; \a subject is a list of maps with "type" and "name".
        \since 0.2
    */
    void domainGraphics(const QVirtDomainRef &domain, QVirtEvents::GraphicsPhase phase,
                        const QVariantMap &local, const QVariantMap &remote,
                        const QString &authScheme, const QVariantList &subject);
    /*!
        VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON: as domainIOError(), an I/O error on the disk
        \a deviceAlias of \a domain (host source \a sourcePath) after which the hypervisor
        took \a action, with the hypervisor's \a reason (for example "enospc").
        \since 0.2
    */
    void domainIOErrorReason(const QVirtDomainRef &domain, const QString &sourcePath,
                             const QString &deviceAlias, QVirtEvents::IOErrorAction action,
                             const QString &reason);
    /*!
        VIR_DOMAIN_EVENT_ID_CONTROL_ERROR: libvirtd lost control of \a domain (for example
        its monitor connection broke).
        \since 0.2
    */
    void domainControlError(const QVirtDomainRef &domain);
    /*!
        VIR_DOMAIN_EVENT_ID_BLOCK_JOB: a block job of \a type on \a domain reached
        \a status; \a disk is the disk's path.
        \since 0.2
    */
    void domainBlockJob(const QVirtDomainRef &domain, const QString &disk,
                        QVirtEvents::BlockJobType type, QVirtEvents::BlockJobStatus status);
    /*!
        VIR_DOMAIN_EVENT_ID_DISK_CHANGE: the medium of the disk \a deviceAlias of \a domain
        changed from \a oldSourcePath to \a newSourcePath (either may be empty), for
        \a reason.
        \since 0.2
    */
    void domainDiskChanged(const QVirtDomainRef &domain, const QString &oldSourcePath,
                           const QString &newSourcePath, const QString &deviceAlias,
                           QVirtEvents::DiskChangeReason reason);
    /*!
        VIR_DOMAIN_EVENT_ID_TRAY_CHANGE: the tray of the removable disk \a deviceAlias of
        \a domain opened or closed, as \a reason says.
        \since 0.2
    */
    void domainTrayChanged(const QVirtDomainRef &domain, const QString &deviceAlias,
                           QVirtEvents::TrayChangeReason reason);
    /*!
        VIR_DOMAIN_EVENT_ID_PMWAKEUP: the guest of \a domain woke up from a power management
        suspend.
        \since 0.2
    */
    void domainPMWakeup(const QVirtDomainRef &domain);
    /*!
        VIR_DOMAIN_EVENT_ID_PMSUSPEND: the guest of \a domain suspended itself to memory.
        \since 0.2
    */
    void domainPMSuspend(const QVirtDomainRef &domain);
    /*!
        VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE: the memory balloon of \a domain changed;
        \a actualKiB is the new size in KiB.
        \since 0.2
    */
    void domainBalloonChanged(const QVirtDomainRef &domain, quint64 actualKiB);
    /*!
        VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK: the guest of \a domain suspended itself to disk.
        \since 0.2
    */
    void domainPMSuspendDisk(const QVirtDomainRef &domain);
    /*!
        VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED: the device \a deviceAlias was removed from
        \a domain.
        \since 0.2
    */
    void domainDeviceRemoved(const QVirtDomainRef &domain, const QString &deviceAlias);
    /*!
        VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2: a block job of \a type on \a domain reached
        \a status; \a disk is the disk's target name.
        \since 0.2
    */
    void domainBlockJob2(const QVirtDomainRef &domain, const QString &disk,
                         QVirtEvents::BlockJobType type, QVirtEvents::BlockJobStatus status);
    /*!
        VIR_DOMAIN_EVENT_ID_TUNABLE: tunables of \a domain changed; \a parameters holds the
        changed typed parameters by field name.
        \since 0.2
    */
    void domainTunable(const QVirtDomainRef &domain, const QVariantMap &parameters);
    /*!
        VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE: the guest agent of \a domain reached \a state,
        for \a reason.
        \since 0.2
    */
    void domainAgentLifecycle(const QVirtDomainRef &domain, QVirtEvents::AgentLifecycleState state,
                              QVirtEvents::AgentLifecycleReason reason);
    /*!
        VIR_DOMAIN_EVENT_ID_DEVICE_ADDED: the device \a deviceAlias was added to \a domain.
        \since 0.2
    */
    void domainDeviceAdded(const QVirtDomainRef &domain, const QString &deviceAlias);
    /*!
        VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION: a live migration of \a domain began copying
        memory again, for the \a iteration th time.
        \since 0.2
    */
    void domainMigrationIteration(const QVirtDomainRef &domain, int iteration);
    /*!
        VIR_DOMAIN_EVENT_ID_JOB_COMPLETED: a job of \a domain completed; \a parameters holds
        its statistics as typed parameters by field name.
        \since 0.2
    */
    void domainJobCompleted(const QVirtDomainRef &domain, const QVariantMap &parameters);
    /*!
        VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED: the guest of \a domain refused to release
        the device \a deviceAlias.
        \since 0.2
    */
    void domainDeviceRemovalFailed(const QVirtDomainRef &domain, const QString &deviceAlias);
    /*!
        VIR_DOMAIN_EVENT_ID_METADATA_CHANGE: metadata of \a type of \a domain changed;
        \a nsUri names the namespace, only for MetadataType::Element.
        \since 0.2
    */
    void domainMetadataChanged(const QVirtDomainRef &domain, QVirtEvents::MetadataType type,
                               const QString &nsUri);
    /*!
        VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD: writes to \a device of \a domain (host path
        \a path) crossed \a threshold bytes, by \a excess bytes.
        \since 0.2
    */
    void domainBlockThreshold(const QVirtDomainRef &domain, const QString &device,
                              const QString &path, quint64 threshold, quint64 excess);
    /*!
        VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE: a hardware memory error hit \a domain;
        \a recipient is who received it, \a action what was done, and \a flags says whether
        it was action-required and recursive.
        \since 0.2
    */
    void domainMemoryFailure(const QVirtDomainRef &domain,
                             QVirtEvents::MemoryFailureRecipient recipient,
                             QVirtEvents::MemoryFailureAction action,
                             QVirtEvents::MemoryFailureFlags flags);
    /*!
        VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE: the memory device \a deviceAlias of
        \a domain changed size; \a sizeKiB is the new size in KiB.
        \since 0.2
    */
    void domainMemoryDeviceSizeChanged(const QVirtDomainRef &domain, const QString &deviceAlias,
                                       quint64 sizeKiB);

protected:
    /*! Has the libvirt callback of the event that \a signal carries registered when its first
     * receiver connects, waiting for that at most 40 ms. */
    void connectNotify(const QMetaMethod &signal) override;
    /*! Drops the libvirt callback of the event that \a signal carries when its last receiver goes.
     */
    void disconnectNotify(const QMetaMethod &signal) override;

private:
    friend class QVirtConnection;
    friend class QVirtDomainEventsPrivate;
    QVirtDomainEvents(QVirtConnection *connection, const QVirtDomainRef &domain);
    Q_DISABLE_COPY_MOVE(QVirtDomainEvents)
    const std::unique_ptr<QVirtDomainEventsPrivate> d;
};

#endif // QTVIRT_QVIRTDOMAINEVENTS_H
