// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTCONNECTION_H
#define QTVIRT_QVIRTCONNECTION_H

#include <QtVirt/qtvirtglobal.h>
#include <QtVirt/qvirtcredential.h>
#include <QtVirt/qvirtdomainevents.h>
#include <QtVirt/qvirtdomaininfo.h>
#include <QtVirt/qvirtdomainref.h>
#include <QtVirt/qvirterror.h>
#include <QtVirt/qvirtevents.h>
#include <QtVirt/qvirtscreenshot.h>
#include <QtVirt/qvirtsnapshotinfo.h>
#include <QtVirt/qvirtvolumeinfo.h>

#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QUuid>
#include <QtCore/QVariantList>
#include <QtCore/QVariantMap>

#include <libvirt/libvirt.h>

#include <chrono>
#include <memory>

class QIODevice;
class QVirtConnectionPrivate;
class QVirtStream;
class QVirtStreamTransfer;

/*!
    \class QVirtConnection
    \brief A libvirt connection whose events arrive as Qt signals.

    open() connects in a worker thread and reports opened() or
    errorOccurred() in the connection's thread, so a GUI never waits for a
    slow or unreachable host. Every libvirt event becomes a signal; the
    libvirt callback behind a signal is registered only while something is
    connected to it (on connect(); after the last disconnect() at the next
    pass of the event loop, because Qt forbids QObject calls inside
    disconnectNotify()), and all of them are deregistered when the
    connection closes. Each registration is a round trip to the daemon,
    made in a thread of the connection's own; connect() waits for it at
    most 40 ms, so with a daemon that answers in that time the callback is
    in place when connect() returns, and a slow or frozen one never blocks
    the caller longer (the callback is registered once the daemon answers).
    QVirtDomainModel::addConnection() does not wait: the model starts its
    listing once its callback is registered. closed()
    says why a connection ended, keepalive (on by default) notices a daemon
    that stopped answering, and with autoReconnect the connection comes
    back by itself, registers its callbacks again and emits reconnected().

    The domain operations (startDomain() and the others) run their
    blocking libvirt call in a thread pool and finish their QFuture in the
    connection's thread; one canceled before it starts never runs (see
    \l{Domain operations}).

    QtVirtEventImpl::registerImpl() must have run in the thread that owns
    the connection (libvirt's callbacks arrive there); the first open()
    without it warns on the \c qtvirt.connection logging category, because
    no event, keepalive or loss of the connection would ever be reported.
    Use the object from that thread only.

    \code
    auto *conn = new QVirtConnection(this);
    connect(conn, &QVirtConnection::domainLifecycle, this,
            [](const QVirtDomainRef &domain, QVirtEvents::DomainEvent event, int detail) {
                qInfo() << domain.name() << QVirtEvents::domainEventText(event, detail);
            });
    connect(conn, &QVirtConnection::errorOccurred, this, &Window::showError);
    conn->open(QStringLiteral("qemu:///system"));
    \endcode

    \since 0.1
*/
class QTVIRT_EXPORT QVirtConnection : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString uri READ uri NOTIFY uriChanged)
    Q_PROPERTY(bool readOnly READ isReadOnly NOTIFY uriChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool isOpen READ isOpen NOTIFY stateChanged)
    Q_PROPERTY(QString hypervisorType READ hypervisorType NOTIFY hostInfoChanged)
    Q_PROPERTY(QString hostName READ hostName NOTIFY hostInfoChanged)
    Q_PROPERTY(Error error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    Q_PROPERTY(int keepAliveInterval READ keepAliveInterval WRITE setKeepAliveInterval NOTIFY
                   keepAliveChanged)
    Q_PROPERTY(
        int keepAliveCount READ keepAliveCount WRITE setKeepAliveCount NOTIFY keepAliveChanged)
    Q_PROPERTY(
        bool autoReconnect READ autoReconnect WRITE setAutoReconnect NOTIFY autoReconnectChanged)

public:
    /*! \since 0.1 */
    enum class State {
        Closed,       ///< Not connected, and not trying to be.
        Opening,      ///< open() runs in a worker thread.
        Open,         ///< Connected; events flow.
        Reconnecting, ///< Lost, and autoReconnect tries again after a delay.
    };
    Q_ENUM(State)

    /*!
        What went wrong, as error() and errorOccurred() report it, in the
        manner of QAbstractSocket::SocketError. The details, libvirt's own
        message where there is one, are in errorString(). The loss of an
        open connection is no error of this kind: closed() reports it, with
        its CloseReason.
        \since 0.2
    */
    enum Error {
        NoError,             ///< Nothing has failed since the last successful open.
        OpenError,           ///< The connection could not be opened (bad URI, no daemon, ...).
        AuthenticationError, ///< The credentials were refused, not answered or not valid.
    };
    Q_ENUM(Error)

    /*! virConnectCloseReason; values equal libvirt's. \since 0.1 */
    enum class CloseReason {
        Error = 0,     ///< Misc I/O error.
        Eof = 1,       ///< The daemon closed the connection.
        Keepalive = 2, ///< The daemon stopped answering keepalive messages.
        Client = 3,    ///< This side closed it (close(), or the object was destroyed).
    };
    Q_ENUM(CloseReason)

    /*!
        virDomainShutdownFlagValues, for shutdownDomain() and
        rebootDomain() (virDomainRebootFlagValues has the same values);
        values equal libvirt's. With none set the hypervisor picks the
        method; with several, it tries them in an order of its own.
        \since 0.2
    */
    enum class ShutdownFlag : unsigned int {
        AcpiPowerButton = VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN, ///< Presses the ACPI power button.
        GuestAgent = VIR_DOMAIN_SHUTDOWN_GUEST_AGENT,         ///< Asks the guest agent.
        Initctl = VIR_DOMAIN_SHUTDOWN_INITCTL,                ///< Uses initctl (containers).
        Signal = VIR_DOMAIN_SHUTDOWN_SIGNAL,                  ///< Sends a signal (containers).
        Paravirt = VIR_DOMAIN_SHUTDOWN_PARAVIRT,              ///< Paravirtual guest control.
    };
    Q_DECLARE_FLAGS(ShutdownFlags, ShutdownFlag)
    Q_FLAG(ShutdownFlags)

    /*! virDomainDestroyFlagsValues, for destroyDomain(); values equal libvirt's. \since 0.2 */
    enum class DestroyFlag : unsigned int {
        /*! Asks the process to end (SIGTERM) and fails rather than kill it. */
        Graceful = VIR_DOMAIN_DESTROY_GRACEFUL,
        /*! Removes the domain's log files as well. */
        RemoveLogs = VIR_DOMAIN_DESTROY_REMOVE_LOGS,
    };
    Q_DECLARE_FLAGS(DestroyFlags, DestroyFlag)
    Q_FLAG(DestroyFlags)

    /*!
        virDomainUndefineFlagsValues, for undefineDomain(); values equal
        libvirt's. Without the flag for it, undefining a domain that has a
        managed save image, snapshots, checkpoints or NVRAM fails.
        \since 0.2
    */
    enum class UndefineFlag : unsigned int {
        ManagedSave = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE, ///< Removes the managed save image.
        SnapshotsMetadata = VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA, ///< Drops snapshot metadata.
        Nvram = VIR_DOMAIN_UNDEFINE_NVRAM,                          ///< Removes the NVRAM file.
        KeepNvram = VIR_DOMAIN_UNDEFINE_KEEP_NVRAM,                 ///< Keeps the NVRAM file.
        CheckpointsMetadata = VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA, ///< Drops checkpoints.
        Tpm = VIR_DOMAIN_UNDEFINE_TPM,                                  ///< Removes the TPM state.
        KeepTpm = VIR_DOMAIN_UNDEFINE_KEEP_TPM,                         ///< Keeps the TPM state.
    };
    Q_DECLARE_FLAGS(UndefineFlags, UndefineFlag)
    Q_FLAG(UndefineFlags)

    /*!
        virDomainCreateFlags, for startDomain() and createDomain(); values
        equal libvirt's.
        \since 0.2
    */
    enum class CreateFlag : unsigned int {
        Paused = VIR_DOMAIN_START_PAUSED,           ///< Starts with the CPUs paused.
        AutoDestroy = VIR_DOMAIN_START_AUTODESTROY, ///< Destroyed when the connection closes.
        BypassCache
        = VIR_DOMAIN_START_BYPASS_CACHE,           ///< Restores a managed save bypassing the cache.
        ForceBoot = VIR_DOMAIN_START_FORCE_BOOT,   ///< Boots, discarding a managed save image.
        Validate = VIR_DOMAIN_START_VALIDATE,      ///< Validates the XML against the schema.
        ResetNvram = VIR_DOMAIN_START_RESET_NVRAM, ///< Starts from a fresh NVRAM.
    };
    Q_DECLARE_FLAGS(CreateFlags, CreateFlag)
    Q_FLAG(CreateFlags)

    /*!
        virDomainMemoryModFlags, for setDomainMemory(); values equal
        libvirt's. None set means the current state: the live domain when it
        runs, its persistent configuration otherwise.
        \since 0.2
    */
    enum class MemoryFlag : unsigned int {
        Live = VIR_DOMAIN_MEM_LIVE,       ///< Changes the running domain.
        Config = VIR_DOMAIN_MEM_CONFIG,   ///< Changes the persistent configuration.
        Maximum = VIR_DOMAIN_MEM_MAXIMUM, ///< Changes the maximum rather than the current size.
    };
    Q_DECLARE_FLAGS(MemoryFlags, MemoryFlag)
    Q_FLAG(MemoryFlags)

    /*!
        virDomainVcpuFlags, for setDomainVcpus(); values equal libvirt's.
        None set means the current state, as for MemoryFlag.
        \since 0.2
    */
    enum class VcpuFlag : unsigned int {
        Live = VIR_DOMAIN_VCPU_LIVE,                 ///< Changes the running domain.
        Config = VIR_DOMAIN_VCPU_CONFIG,             ///< Changes the persistent configuration.
        Maximum = VIR_DOMAIN_VCPU_MAXIMUM,           ///< Changes the maximum count.
        Guest = VIR_DOMAIN_VCPU_GUEST,               ///< Through the guest agent.
        Hotpluggable = VIR_DOMAIN_VCPU_HOTPLUGGABLE, ///< Added vCPUs can be unplugged again.
    };
    Q_DECLARE_FLAGS(VcpuFlags, VcpuFlag)
    Q_FLAG(VcpuFlags)

    /*!
        virDomainXMLFlags, for domainXml(); values equal libvirt's.
        \since 0.2
    */
    enum class XmlFlag : unsigned int {
        Secure = VIR_DOMAIN_XML_SECURE,         ///< Includes security-sensitive data.
        Inactive = VIR_DOMAIN_XML_INACTIVE,     ///< The persistent rather than the live XML.
        UpdateCpu = VIR_DOMAIN_XML_UPDATE_CPU,  ///< Updates the guest CPU from the host's.
        Migratable = VIR_DOMAIN_XML_MIGRATABLE, ///< Suitable for migration.
    };
    Q_DECLARE_FLAGS(XmlFlags, XmlFlag)
    Q_FLAG(XmlFlags)

    /*!
        virDomainConsoleFlags, for openDomainConsole(); values equal
        libvirt's.
        \since 0.2
    */
    enum class ConsoleFlag : unsigned int {
        /*! Takes the console over from a client that holds it, which is disconnected. */
        Force = VIR_DOMAIN_CONSOLE_FORCE,
        /*! Fails unless the driver can tell that no other client holds the console. */
        Safe = VIR_DOMAIN_CONSOLE_SAFE,
    };
    Q_DECLARE_FLAGS(ConsoleFlags, ConsoleFlag)
    Q_FLAG(ConsoleFlags)

    /*!
        virDomainOpenGraphicsFlags, for openDomainGraphicsFd(); values equal
        libvirt's.
        \since 0.2
    */
    enum class GraphicsFlag : unsigned int {
        /*! Skips the graphics server's own authentication for this client. */
        SkipAuth = VIR_DOMAIN_OPEN_GRAPHICS_SKIPAUTH,
    };
    Q_DECLARE_FLAGS(GraphicsFlags, GraphicsFlag)
    Q_FLAG(GraphicsFlags)

    /*!
        virDomainSaveRestoreFlags, for saveDomain(), managedSaveDomain()
        and restoreDomain(); values equal libvirt's.
        \since 0.2
    */
    enum class SaveFlag : unsigned int {
        BypassCache = VIR_DOMAIN_SAVE_BYPASS_CACHE, ///< Avoids the host's file system cache.
        Running = VIR_DOMAIN_SAVE_RUNNING,          ///< The restored domain runs.
        Paused = VIR_DOMAIN_SAVE_PAUSED,            ///< The restored domain is paused.
        ResetNvram = VIR_DOMAIN_SAVE_RESET_NVRAM,   ///< Restores with a fresh NVRAM.
    };
    // Not Q_FLAG, as the flags above are: QML registers a type's enum
    // classes unscoped as well, where these repeat key names of
    // CreateFlag and ConsoleFlag (Paused, BypassCache, Force) and the
    // engine would warn of the clash; they are for C++ callers.
    Q_DECLARE_FLAGS(SaveFlags, SaveFlag)

    /*!
        virDomainSnapshotCreateFlags, for createDomainSnapshot(); values
        equal libvirt's.
        \since 0.2
    */
    enum class SnapshotCreateFlag : unsigned int {
        Redefine = VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE,       ///< Restores metadata of a snapshot.
        Current = VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT,         ///< With Redefine, makes it current.
        NoMetadata = VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA,  ///< Keeps no metadata.
        Halt = VIR_DOMAIN_SNAPSHOT_CREATE_HALT,               ///< Stops the domain afterwards.
        DiskOnly = VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY,      ///< Disks only, not the memory.
        ReuseExternal = VIR_DOMAIN_SNAPSHOT_CREATE_REUSE_EXT, ///< Reuses existing files.
        Quiesce = VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE,   ///< Freezes file systems (guest agent).
        Atomic = VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC,     ///< All disks or none.
        Live = VIR_DOMAIN_SNAPSHOT_CREATE_LIVE,         ///< While the domain runs.
        Validate = VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE, ///< Validates the XML against the schema.
    };
    Q_DECLARE_FLAGS(SnapshotCreateFlags, SnapshotCreateFlag)

    /*!
        virDomainSnapshotRevertFlags, for revertDomainSnapshot(); values
        equal libvirt's.
        \since 0.2
    */
    enum class SnapshotRevertFlag : unsigned int {
        Running = VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING,        ///< Runs after the revert.
        Paused = VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED,          ///< Is paused after the revert.
        Force = VIR_DOMAIN_SNAPSHOT_REVERT_FORCE,            ///< Allows risky reverts.
        ResetNvram = VIR_DOMAIN_SNAPSHOT_REVERT_RESET_NVRAM, ///< Starts from a fresh NVRAM.
    };
    Q_DECLARE_FLAGS(SnapshotRevertFlags, SnapshotRevertFlag)

    /*!
        virDomainSnapshotDeleteFlags, for deleteDomainSnapshot(); values
        equal libvirt's.
        \since 0.2
    */
    enum class SnapshotDeleteFlag : unsigned int {
        Children = VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN,          ///< Its descendants too.
        MetadataOnly = VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY, ///< Only libvirt's metadata.
        ChildrenOnly = VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY, ///< Its descendants only.
    };
    Q_DECLARE_FLAGS(SnapshotDeleteFlags, SnapshotDeleteFlag)

    /*!
        Constructs a closed connection, a child of \a parent.
        \since 0.1
    */
    explicit QVirtConnection(QObject *parent = nullptr);
    /*!
        Closes the connection as close() does, without emitting anything,
        and returns as quickly even when the daemon does not answer; the
        teardown may finish in the background, and none of its callbacks
        reaches this object. The future of every domain operation not
        finished yet is canceled here, in this thread, before the destructor
        returns; an operation that has not started will not run. An open()
        still in progress is abandoned: its worker thread is never waited
        for, not by this destructor and not by the application's exit.
        \since 0.1
    */
    ~QVirtConnection() override;

    /*!
        Connects to \a uri (libvirt's default when empty), read-only if
        \a readOnly is true, in a worker thread and returns at once. opened() or errorOccurred()
       follows, in this object's thread. Credentials libvirt asks for arrive through
        credentialsRequested(). An open connection is closed first.
        SIGPIPE is set to be ignored first when it still has its default
        action (see \l{QtVirt and Remote Hosts}).
        \since 0.1
    */
    Q_INVOKABLE void open(const QString &uri, bool readOnly = false);

    /*!
        Connects to \a uri, read-only if \a readOnly is true, in the calling
        thread, which blocks until libvirt is done, for scripts and
        command-line tools. Emits what open() emits and returns whether it
        worked. credentialsRequested() is emitted
        directly; a slot must call answerCredentials() before it returns.
        \since 0.1
    */
    bool openBlocking(const QString &uri, bool readOnly = false);

    /*!
        Closes the connection and emits closed(CloseReason::Client) if it
        was open; state() is Closed and handle() null when it returns. Stops
        reconnecting, and abandons an open() in progress (its result, when
        it comes, is dropped).

        Deregistering the callbacks and virConnectClose() are round trips to
        the daemon. They run in the connection's own thread, after the
        registrations queued before them, and close() waits for
        them at most 40 ms: a daemon that answers has forgotten every
        callback when close() returns; one that does not (frozen, or too
        far away) never blocks the calling thread longer, and the teardown
        finishes in the background, once the daemon answers again or the
        connection is lost. Either way no signal of the old connection is
        emitted after close() returned. QtVirtEventImpl::waitForPendingFrees()
        waits for such background teardowns.
        \since 0.1
    */
    Q_INVOKABLE void close();

    /*!
        Returns the libvirt connection while state() is Open, otherwise null. It
        stays owned by this object; take a reference (virConnectRef()) to
        keep it beyond the next close.
        \since 0.1
    */
    virConnectPtr handle() const;

    /*! Returns the URI given to open(). \since 0.1 */
    QString uri() const;
    /*! Returns whether the connection was opened read-only. \since 0.1 */
    bool isReadOnly() const;
    /*! Returns the state of the connection. \since 0.1 */
    State state() const;
    /*! Returns whether state() is State::Open. \since 0.1 */
    bool isOpen() const;
    /*! Returns virConnectGetType() of the open connection, for example "QEMU". \since 0.1 */
    QString hypervisorType() const;
    /*! Returns virConnectGetHostname() of the open connection. \since 0.1 */
    QString hostName() const;
    /*!
        Returns the last error, or NoError: a successful open resets it.
        \since 0.2
    */
    Error error() const;
    /*!
        Returns what error() means, in words: libvirt's message where there is one.
        Empty while error() is NoError.
        \since 0.1
    */
    QString errorString() const;

    /*!
        Returns the seconds between keepalive messages (virConnectSetKeepAlive());
        0 turns keepalive off. The default is 5. Takes effect at the next
        open.
        \since 0.1
    */
    int keepAliveInterval() const;
    /*!
        Sets the keepalive interval to \a seconds.
        \sa keepAliveInterval()
        \since 0.1
    */
    void setKeepAliveInterval(int seconds);
    /*!
        Returns how many keepalive messages may go unanswered before libvirt closes
        the connection with CloseReason::Keepalive. The default is 5.
        Takes effect at the next open.
        \since 0.1
    */
    int keepAliveCount() const;
    /*!
        Sets the keepalive count to \a count.
        \sa keepAliveCount()
        \since 0.1
    */
    void setKeepAliveCount(int count);

    /*!
        Returns whether a connection lost for any reason but CloseReason::Client is
        opened again, after a delay that starts at reconnectInitialDelay()
        and doubles after each failure up to reconnectMaximumDelay(). Off by
        default.
        \since 0.1
    */
    bool autoReconnect() const;
    /*!
        Turns reconnecting on if \a enabled is true.
        \sa autoReconnect()
        \since 0.1
    */
    void setAutoReconnect(bool enabled);
    /*!
        Sets the delay before the first reconnect attempt to \a initial
        and the delay that doubling stops at to \a maximum, from the next
        attempt on. Both are clamped: at least 100 ms, so that a daemon that
        is down is not retried on every pass of the event loop, and at most
        2147483647 ms (2^31 - 1, about 24.8 days), the longest QTimer
        interval; \a maximum is also raised to \a initial if below it. The
        getters return the clamped values.
        \since 0.1
    */
    void setReconnectDelays(std::chrono::milliseconds initial, std::chrono::milliseconds maximum);
    /*!
        Returns the delay before the first reconnect attempt. The default is
        1 s; see setReconnectDelays() for its range.
        \since 0.1
    */
    std::chrono::milliseconds reconnectInitialDelay() const;
    /*!
        Returns the delay that doubling stops at. The default is 30 s; see
        setReconnectDelays() for its range.
        \since 0.1
    */
    std::chrono::milliseconds reconnectMaximumDelay() const;

    /*!
        Sets how long libvirt's authentication callback waits for
        answerCredentials() before it gives up to \a timeout. The default is
        2 minutes.
        \since 0.1
    */
    void setCredentialsTimeout(std::chrono::milliseconds timeout);
    /*!
        Returns the credentials timeout.
        \sa setCredentialsTimeout()
        \since 0.1
    */
    std::chrono::milliseconds credentialsTimeout() const;

    /*!
        Answers the last credentialsRequested(): \a credentials is that list
        with the results filled in. Answers are matched to libvirt's requests
        by position: a list of another length, an entry whose type is not the
        one requested at its position, or a result with a NUL character
        fails the open, and errorOccurred() says which.
        \since 0.1
    */
    Q_INVOKABLE void answerCredentials(const QList<QVirtCredential> &credentials);
    /*! Refuses the last credentialsRequested(); the open fails. \since 0.1 */
    Q_INVOKABLE void rejectCredentials();

    /*!
        \name Domain operations
        Each runs its blocking libvirt call in a thread of
        QThreadPool::globalInstance(), on its own reference to the
        connection, and finishes the future in this object's thread. A
        failure is a QVirtError in the future. Call them from this object's
        thread. On a connection that is not open, or with an invalid
        QVirtDomainRef, the returned future has already failed: no thread
        and no daemon is involved.

        An operation whose future is canceled, or whose QVirtConnection is
        destroyed, before a pool thread takes it does not run: its libvirt
        call is never made. A canceled future finishes once a pool thread
        has taken the operation and skipped it; destroying the connection
        cancels the futures at once. An operation whose libvirt call has
        started completes, because the daemon may already act on it; its
        result is then delivered in this object's thread, or dropped there
        if the future was canceled or the connection destroyed meanwhile.
        The promise behind each future is finished or destroyed in this
        object's thread only, never in a pool thread, so continuations
        without a context object (then(), onCanceled(), onFailed()) run in
        this object's thread (or at once in the attaching thread, when
        attached to a future that has finished already). close() cancels
        nothing: an operation holds a reference to the connection of its own
        and still runs after it.
    */
    /*!
        virDomainCreateWithFlags(): starts the defined \a domain.
        The \a flags argument was added in QtVirt 0.2.
        \since 0.1
    */
    QFuture<void> startDomain(const QVirtDomainRef &domain, CreateFlags flags = {});
    /*!
        virDomainShutdownFlags(): asks the guest of \a domain to shut down,
        in the ways \a flags allow, and finishes
        once the request is made, not when the guest is off (a
        domainLifecycle() Stopped event says that).
        The \a flags argument was added in QtVirt 0.2.
        \since 0.1
    */
    QFuture<void> shutdownDomain(const QVirtDomainRef &domain, ShutdownFlags flags = {});
    /*!
        virDomainReboot(): asks the guest of \a domain to reboot, in the ways
        \a flags allow; finishes once the request is made.
        \since 0.2
    */
    QFuture<void> rebootDomain(const QVirtDomainRef &domain, ShutdownFlags flags = {});
    /*!
        virDomainReset(): resets \a domain at once, as the reset button does.
        \since 0.2
    */
    QFuture<void> resetDomain(const QVirtDomainRef &domain);
    /*!
        virDomainDestroyFlags(): stops \a domain at once (with
        DestroyFlag::Graceful, only if it ends on SIGTERM).
        The \a flags argument was added in QtVirt 0.2.
        \since 0.1
    */
    QFuture<void> destroyDomain(const QVirtDomainRef &domain, DestroyFlags flags = {});
    /*! virDomainSuspend(): pauses the CPUs of \a domain. \since 0.1 */
    QFuture<void> suspendDomain(const QVirtDomainRef &domain);
    /*! virDomainResume(): lets the CPUs of the paused \a domain run again. \since 0.1 */
    QFuture<void> resumeDomain(const QVirtDomainRef &domain);
    /*!
        virDomainDefineXML(): defines a persistent domain from \a xml; the
        result names the defined domain.
        \since 0.1
    */
    QFuture<QVirtDomainRef> defineDomain(const QString &xml);
    /*!
        virDomainCreateXML(): creates and starts a transient domain from
        \a xml, as \a flags say; the result names it (with its id).
        \since 0.2
    */
    QFuture<QVirtDomainRef> createDomain(const QString &xml, CreateFlags flags = {});
    /*!
        virDomainUndefineFlags(): removes the persistent configuration of
        \a domain. A
        running domain goes on running, as a transient one.
        The \a flags argument was added in QtVirt 0.2.
        \since 0.1
    */
    QFuture<void> undefineDomain(const QVirtDomainRef &domain, UndefineFlags flags = {});
    /*!
        virDomainSetAutostart(): whether \a domain starts with the host,
        as \a autostart says.
        \since 0.2
    */
    QFuture<void> setDomainAutostart(const QVirtDomainRef &domain, bool autostart);
    /*!
        virDomainSetMemoryFlags(): sets the current memory of \a domain (the
        balloon's target), or with MemoryFlag::Maximum in \a flags the
        maximum, to \a kib KiB.
        \since 0.2
    */
    QFuture<void> setDomainMemory(const QVirtDomainRef &domain, quint64 kib,
                                  MemoryFlags flags = {});
    /*!
        virDomainSetVcpusFlags(): sets the number of vCPUs of \a domain to
        \a count, where \a flags say.
        \since 0.2
    */
    QFuture<void> setDomainVcpus(const QVirtDomainRef &domain, unsigned int count,
                                 VcpuFlags flags = {});
    /*!
        virDomainGetXMLDesc(): the XML description of \a domain, with what
        \a flags ask for.
        \since 0.2
    */
    QFuture<QString> domainXml(const QVirtDomainRef &domain, XmlFlags flags = {});
    /*!
        Every domain of the connection, running or not, with its state,
        memory, vCPUs and CPU time. Made of a few calls for the whole
        connection (virConnectGetAllDomainStats() and filtered
        virConnectListAllDomains()), not of calls per domain, where the
        driver's statistics carry every field (QEMU's do); a field a driver
        does not report costs a virDomainGetInfo() for that domain. The
        calls follow one another: a domain that is undefined or destroyed
        while they run may be left out, or reported as it was, and then
        persistent.
        \since 0.2
    */
    QFuture<QList<QVirtDomainInfo>> listDomains();

    /*!
        virDomainSaveFlags(): saves the running \a domain's memory to the
        file \a path, on the daemon's host, and stops it. While the save
        runs, the future's progress goes from 0 to 100 (percent of the
        memory gone through, QFuture::progressValue(), as a QFutureWatcher
        reports it), asked from the daemon with virDomainGetJobStats() in
        a pool thread about ten times a second while the hypervisor reports
        it (a save that is over within a poll or two may show none before
        the end); it is 100 when the save succeeded. abortDomainJob() asks
        the hypervisor to stop a save; a stopped save fails the future with
        libvirt's error. \a flags are libvirt's (SaveFlag).
        \since 0.2
    */
    QFuture<void> saveDomain(const QVirtDomainRef &domain, const QString &path,
                             SaveFlags flags = {});
    /*!
        virDomainRestoreFlags(): starts the domain saved in the file
        \a path (on the daemon's host) by saveDomain(), with libvirt's
        \a flags (SaveFlag).
        \since 0.2
    */
    QFuture<void> restoreDomain(const QString &path, SaveFlags flags = {});
    /*!
        virDomainManagedSave(): saves the running \a domain to a file of
        libvirt's choice and stops it; the next startDomain() restores it.
        Its progress is reported as saveDomain()'s, and abortDomainJob()
        stops it as well. \a flags are libvirt's (SaveFlag).
        \since 0.2
    */
    QFuture<void> managedSaveDomain(const QVirtDomainRef &domain, SaveFlags flags = {});
    /*!
        virDomainAbortJob(): stops the job that runs on \a domain (a save,
        a migration, a dump). The future finishes once libvirt has asked
        the hypervisor to stop it; the operation that started the job then
        fails. A domain without a job fails with libvirt's
        VIR_ERR_OPERATION_INVALID.
        \since 0.2
    */
    QFuture<void> abortDomainJob(const QVirtDomainRef &domain);

    /*!
        \a domain's snapshots (virDomainListAllSnapshots()), each with its
        name, creation time, parent and whether it is the current one, in
        the order libvirt lists them. One call for the list and one per
        snapshot (its XML), in a pool thread.
        \since 0.2
    */
    QFuture<QList<QVirtSnapshotInfo>> listDomainSnapshots(const QVirtDomainRef &domain);
    /*!
        virDomainSnapshotCreateXML(): takes a snapshot of \a domain as
        \a xml describes it (a \c <domainsnapshot> element; libvirt names
        it when it has no \c <name>), with libvirt's \a flags
        (SnapshotCreateFlag). The result is the new snapshot's name.
        \since 0.2
    */
    QFuture<QString> createDomainSnapshot(const QVirtDomainRef &domain, const QString &xml,
                                          SnapshotCreateFlags flags = {});
    /*!
        virDomainRevertToSnapshot(): brings \a domain back to its snapshot
        named \a snapshot, which becomes the current one, with libvirt's
        \a flags (SnapshotRevertFlag).
        \since 0.2
    */
    QFuture<void> revertDomainSnapshot(const QVirtDomainRef &domain, const QString &snapshot,
                                       SnapshotRevertFlags flags = {});
    /*!
        virDomainSnapshotDelete(): deletes \a domain's snapshot named
        \a snapshot (its children become its parent's), with libvirt's
        \a flags (SnapshotDeleteFlag).
        \since 0.2
    */
    QFuture<void> deleteDomainSnapshot(const QVirtDomainRef &domain, const QString &snapshot,
                                       SnapshotDeleteFlags flags = {});

    /*!
        The names of the connection's active storage pools
        (virConnectListAllStoragePools()), sorted: only an active pool has
        volumes to list and transfer. One call, in a pool thread.
        \since 0.2
    */
    QFuture<QStringList> listStoragePools();
    /*!
        The volumes of the storage pool named \a pool
        (virStoragePoolListAllVolumes()), sorted by name, each with its
        path, format and sizes. A lookup, the list and one call per volume
        (its XML), in a pool thread; a volume deleted meanwhile is left out.
        An unknown or inactive pool fails the future with libvirt's reason.
        The list is what the daemon knows: a file copied into a pool's
        directory behind its back shows only once the pool was refreshed
        (virStoragePoolRefresh()).
        \since 0.2
    */
    QFuture<QList<QVirtVolumeInfo>> listStorageVolumes(const QString &pool);

    /*!
        Downloads the volume named \a volume of the storage pool named
        \a pool into \a target, which must be open for writing; with
        \a sparse, holes stay holes (a QFile target gets them as holes,
        see QVirtStreamTransfer::setSparse()). Returns at once: the lookup
        and virStorageVolDownload() run in a pool thread, and the transfer
        then moves the data on this object's event loop.

        The result is a QVirtStreamTransfer already started (do not call
        start()), owned by the caller, with no parent; it owns its stream.
        Every failure comes through its errorOccurred() and error(),
        emitted from the event loop, after this function returned: an
        unknown pool or volume, or a connection that is not open, is a
        QVirtStreamTransfer::StartError whose errorString() says what
        libvirt said. Deleting the transfer stops it.
        \since 0.2
    */
    QVirtStreamTransfer *downloadVolume(const QString &pool, const QString &volume,
                                        QIODevice *target, bool sparse = false);
    /*!
        Uploads \a source, open for reading, from its current position to
        its end, into the volume named \a volume of the storage pool named
        \a pool (virStorageVolUpload()), as downloadVolume() downloads; with
        \a sparse, the holes of a QFile \a source are sent as holes.
        \since 0.2
    */
    QVirtStreamTransfer *uploadVolume(const QString &pool, const QString &volume, QIODevice *source,
                                      bool sparse = false);

    /*!
        virDomainOpenConsole(): connects to the console \a device of the
        running \a domain (its first console when empty), for example the
        alias \c serial0. The result is a non-blocking QVirtStream on this
        connection, already opened QIODevice::ReadWrite, in this object's
        thread: what the guest prints arrives with readyRead(), and what is
        written goes to the guest.

        The caller owns the stream: it has no parent and outlives this
        connection (it holds a reference to the libvirt connection of its
        own), and deleting it gives the console back to the domain. A stream
        whose future was canceled, or whose connection was destroyed, before
        it was delivered is deleted by QtVirt. A console that another client
        holds fails with libvirt's VIR_ERR_OPERATION_FAILED as
        QVirtError::code(), unless ConsoleFlag::Force in \a flags takes it
        over.
        \since 0.2
    */
    QFuture<QVirtStream *> openDomainConsole(const QVirtDomainRef &domain,
                                             const QString &device = QString(),
                                             ConsoleFlags flags = {});
    /*!
        virDomainScreenshot(): the image of \a screen (0 is the first) of
        the running \a domain, read through a QVirtStream on this object's
        event loop; the future finishes once the whole image has arrived.
        A domain that does not run, or a driver without screenshots, fails
        with libvirt's message.
        \since 0.2
    */
    QFuture<QVirtScreenshot> domainScreenshot(const QVirtDomainRef &domain,
                                              unsigned int screen = 0);
    /*!
        virDomainOpenGraphicsFD(): a socket connected to the graphics server
        (VNC or SPICE) number \a index of the running \a domain, as its
        \c <graphics> elements are numbered, for a viewer to speak the
        server's protocol on. The daemon passes the socket over the
        connection, so this works only over a local (UNIX socket) transport,
        also for a server that listens nowhere (\c{<listen type='none'/>}).
        \a flags can skip the server's authentication.
        The caller owns the descriptor and closes it; one whose future was
        canceled, or whose connection was destroyed, before it was delivered
        is closed by QtVirt.
        \since 0.2
    */
    QFuture<int> openDomainGraphicsFd(const QVirtDomainRef &domain, unsigned int index = 0,
                                      GraphicsFlags flags = {});

    /*!
        The QVirtDomainEvents, child of this connection, whose signals carry
        the events of \a domain only, filtered by libvirt in the daemon; made
        at the first call for that domain, and the same object at every
        later call until it is deleted (libvirt takes one callback per event
        and domain on a connection). Domains are matched by UUID, or by name
        when \a domain has no UUID: refer to one domain in one way, since a
        reference by name and one by UUID make two objects, and libvirt
        refuses the second one's callbacks. Null for an invalid \a domain.
        \since 0.2
    */
    QVirtDomainEvents *domainEvents(const QVirtDomainRef &domain);

Q_SIGNALS:
    /*! The connection is open, after open(), openBlocking() or a reconnect. \since 0.1 */
    void opened();
    /*!
        Opening failed (also each failed attempt of autoReconnect) with
        \a error; errorString() says why. error() and errorString() are
        already set when this is emitted.
        \since 0.2
    */
    void errorOccurred(QVirtConnection::Error error);
    /*!
        error() and errorString() changed: after errorOccurred(), and when a
        successful open reset them. For property bindings (QML).
        \since 0.2
    */
    void errorChanged();
    /*! An open connection ended, for \a reason. \since 0.1 */
    void closed(QVirtConnection::CloseReason reason);
    /*!
        autoReconnect opened the connection again, and every callback is
        registered again (waited for at most 40 ms, as on connect(); a
        slower daemon has them in place a little later). Events that
        happened in between are lost: re-read whatever state the
        application keeps.
        \since 0.1
    */
    void reconnected();
    /*! The connection's state() changed to \a state. \since 0.1 */
    void stateChanged(QVirtConnection::State state);
    /*! uri() or isReadOnly() changed. \since 0.1 */
    void uriChanged();
    /*! hypervisorType() or hostName() changed. \since 0.1 */
    void hostInfoChanged();
    /*! keepAliveInterval() or keepAliveCount() changed. \since 0.1 */
    void keepAliveChanged();
    /*! autoReconnect() changed. \since 0.1 */
    void autoReconnectChanged();
    /*!
        libvirt needs \a credentials to authenticate. Answer with
        answerCredentials() or rejectCredentials(); after
        credentialsTimeout() the open fails.
        \since 0.1
    */
    void credentialsRequested(const QList<QVirtCredential> &credentials);

    /*!
        VIR_DOMAIN_EVENT_ID_LIFECYCLE: \a domain changed state. \a event is what happened
        (started, stopped, ...) and \a detail one of the *Detail enums of \a event (for
        example StoppedDetail for DomainEvent::Stopped); QVirtEvents::domainEventText()
        turns both into text.
        \since 0.1
    */
    void domainLifecycle(const QVirtDomainRef &domain, QVirtEvents::DomainEvent event, int detail);
    /*!
        VIR_DOMAIN_EVENT_ID_REBOOT: the guest of \a domain rebooted.
        \since 0.1
    */
    void domainRebooted(const QVirtDomainRef &domain);
    /*!
        VIR_DOMAIN_EVENT_ID_RTC_CHANGE: the guest of \a domain set its real-time clock, now
        \a utcOffset seconds from UTC.
        \since 0.1
    */
    void domainRtcChanged(const QVirtDomainRef &domain, qint64 utcOffset);
    /*!
        VIR_DOMAIN_EVENT_ID_WATCHDOG: the watchdog device of \a domain fired, and the
        hypervisor took \a action.
        \since 0.1
    */
    void domainWatchdog(const QVirtDomainRef &domain, QVirtEvents::WatchdogAction action);
    /*!
        VIR_DOMAIN_EVENT_ID_IO_ERROR: an I/O error on the disk \a deviceAlias of \a domain,
        whose host source is \a sourcePath; the hypervisor took \a action.
        \since 0.1
    */
    void domainIOError(const QVirtDomainRef &domain, const QString &sourcePath,
                       const QString &deviceAlias, QVirtEvents::IOErrorAction action);
    /*!
        VIR_DOMAIN_EVENT_ID_GRAPHICS: a client of the graphical console of \a domain reached
        \a phase (connected, authenticated, disconnected). \a local and \a remote hold
        "family" (GraphicsAddressFamily), "node" and "service"; \a authScheme names the
        authentication used; \a subject is a list of maps with "type" and "name".
        \since 0.1
    */
    void domainGraphics(const QVirtDomainRef &domain, QVirtEvents::GraphicsPhase phase,
                        const QVariantMap &local, const QVariantMap &remote,
                        const QString &authScheme, const QVariantList &subject);
    /*!
        VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON: as domainIOError(), an I/O error on the disk
        \a deviceAlias of \a domain (host source \a sourcePath) after which the hypervisor
        took \a action, with the hypervisor's \a reason (for example "enospc").
        \since 0.1
    */
    void domainIOErrorReason(const QVirtDomainRef &domain, const QString &sourcePath,
                             const QString &deviceAlias, QVirtEvents::IOErrorAction action,
                             const QString &reason);
    /*!
        VIR_DOMAIN_EVENT_ID_CONTROL_ERROR: libvirtd lost control of \a domain (for example
        its monitor connection broke).
        \since 0.1
    */
    void domainControlError(const QVirtDomainRef &domain);
    /*!
        VIR_DOMAIN_EVENT_ID_BLOCK_JOB: a block job of \a type on \a domain reached
        \a status; \a disk is the disk's path.
        \since 0.1
    */
    void domainBlockJob(const QVirtDomainRef &domain, const QString &disk,
                        QVirtEvents::BlockJobType type, QVirtEvents::BlockJobStatus status);
    /*!
        VIR_DOMAIN_EVENT_ID_DISK_CHANGE: the medium of the disk \a deviceAlias of \a domain
        changed from \a oldSourcePath to \a newSourcePath (either may be empty), for
        \a reason.
        \since 0.1
    */
    void domainDiskChanged(const QVirtDomainRef &domain, const QString &oldSourcePath,
                           const QString &newSourcePath, const QString &deviceAlias,
                           QVirtEvents::DiskChangeReason reason);
    /*!
        VIR_DOMAIN_EVENT_ID_TRAY_CHANGE: the tray of the removable disk \a deviceAlias of
        \a domain opened or closed, as \a reason says.
        \since 0.1
    */
    void domainTrayChanged(const QVirtDomainRef &domain, const QString &deviceAlias,
                           QVirtEvents::TrayChangeReason reason);
    /*!
        VIR_DOMAIN_EVENT_ID_PMWAKEUP: the guest of \a domain woke up from a power management
        suspend.
        \since 0.1
    */
    void domainPMWakeup(const QVirtDomainRef &domain);
    /*!
        VIR_DOMAIN_EVENT_ID_PMSUSPEND: the guest of \a domain suspended itself to memory.
        \since 0.1
    */
    void domainPMSuspend(const QVirtDomainRef &domain);
    /*!
        VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE: the memory balloon of \a domain changed;
        \a actualKiB is the new size in KiB.
        \since 0.1
    */
    void domainBalloonChanged(const QVirtDomainRef &domain, quint64 actualKiB);
    /*!
        VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK: the guest of \a domain suspended itself to disk.
        \since 0.1
    */
    void domainPMSuspendDisk(const QVirtDomainRef &domain);
    /*!
        VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED: the device \a deviceAlias was removed from
        \a domain.
        \since 0.1
    */
    void domainDeviceRemoved(const QVirtDomainRef &domain, const QString &deviceAlias);
    /*!
        VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2: a block job of \a type on \a domain reached
        \a status; \a disk is the disk's target name.
        \since 0.1
    */
    void domainBlockJob2(const QVirtDomainRef &domain, const QString &disk,
                         QVirtEvents::BlockJobType type, QVirtEvents::BlockJobStatus status);
    /*!
        VIR_DOMAIN_EVENT_ID_TUNABLE: tunables of \a domain changed; \a parameters holds the
        changed typed parameters by field name.
        \since 0.1
    */
    void domainTunable(const QVirtDomainRef &domain, const QVariantMap &parameters);
    /*!
        VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE: the guest agent of \a domain reached \a state,
        for \a reason.
        \since 0.1
    */
    void domainAgentLifecycle(const QVirtDomainRef &domain, QVirtEvents::AgentLifecycleState state,
                              QVirtEvents::AgentLifecycleReason reason);
    /*!
        VIR_DOMAIN_EVENT_ID_DEVICE_ADDED: the device \a deviceAlias was added to \a domain.
        \since 0.1
    */
    void domainDeviceAdded(const QVirtDomainRef &domain, const QString &deviceAlias);
    /*!
        VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION: a live migration of \a domain began copying
        memory again, for the \a iteration th time.
        \since 0.1
    */
    void domainMigrationIteration(const QVirtDomainRef &domain, int iteration);
    /*!
        VIR_DOMAIN_EVENT_ID_JOB_COMPLETED: a job of \a domain completed; \a parameters holds
        its statistics as typed parameters by field name.
        \since 0.1
    */
    void domainJobCompleted(const QVirtDomainRef &domain, const QVariantMap &parameters);
    /*!
        VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED: the guest of \a domain refused to release
        the device \a deviceAlias.
        \since 0.1
    */
    void domainDeviceRemovalFailed(const QVirtDomainRef &domain, const QString &deviceAlias);
    /*!
        VIR_DOMAIN_EVENT_ID_METADATA_CHANGE: metadata of \a type of \a domain changed;
        \a nsUri names the namespace, only for MetadataType::Element.
        \since 0.1
    */
    void domainMetadataChanged(const QVirtDomainRef &domain, QVirtEvents::MetadataType type,
                               const QString &nsUri);
    /*!
        VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD: writes to \a device of \a domain (host path
        \a path) crossed \a threshold bytes, by \a excess bytes.
        \since 0.1
    */
    void domainBlockThreshold(const QVirtDomainRef &domain, const QString &device,
                              const QString &path, quint64 threshold, quint64 excess);
    /*!
        VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE: a hardware memory error hit \a domain;
        \a recipient is who received it, \a action what was done, and \a flags says whether
        it was action-required and recursive.
        \since 0.1
    */
    void domainMemoryFailure(const QVirtDomainRef &domain,
                             QVirtEvents::MemoryFailureRecipient recipient,
                             QVirtEvents::MemoryFailureAction action,
                             QVirtEvents::MemoryFailureFlags flags);
    /*!
        VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE: the memory device \a deviceAlias of
        \a domain changed size; \a sizeKiB is the new size in KiB.
        \since 0.1
    */
    void domainMemoryDeviceSizeChanged(const QVirtDomainRef &domain, const QString &deviceAlias,
                                       quint64 sizeKiB);

    /*!
        VIR_NETWORK_EVENT_ID_LIFECYCLE: the virtual network \a name with \a uuid was
        defined, undefined, started or stopped, as \a event says.
        \since 0.1
    */
    void networkLifecycle(const QString &name, const QUuid &uuid, QVirtEvents::NetworkEvent event);
    /*!
        VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE: the storage pool \a name with \a uuid changed,
        as \a event says.
        \since 0.1
    */
    void storagePoolLifecycle(const QString &name, const QUuid &uuid,
                              QVirtEvents::StoragePoolEvent event);
    /*!
        VIR_STORAGE_POOL_EVENT_ID_REFRESH: the storage pool \a name with \a uuid was
        refreshed.
        \since 0.1
    */
    void storagePoolRefreshed(const QString &name, const QUuid &uuid);
    /*!
        VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE: the host device \a name changed, as \a event
        says.
        \since 0.1
    */
    void nodeDeviceLifecycle(const QString &name, QVirtEvents::NodeDeviceEvent event);
    /*!
        VIR_NODE_DEVICE_EVENT_ID_UPDATE: the host device \a name was updated.
        \since 0.1
    */
    void nodeDeviceUpdated(const QString &name);
    /*!
        VIR_SECRET_EVENT_ID_LIFECYCLE: the secret \a uuid, used for \a usageType by
        \a usageId, changed, as \a event says.
        \since 0.1
    */
    void secretLifecycle(const QUuid &uuid, QVirtEvents::SecretUsageType usageType,
                         const QString &usageId, QVirtEvents::SecretEvent event);
    /*!
        VIR_SECRET_EVENT_ID_VALUE_CHANGED: the value of the secret \a uuid, used for
        \a usageType by \a usageId, changed.
        \since 0.1
    */
    void secretValueChanged(const QUuid &uuid, QVirtEvents::SecretUsageType usageType,
                            const QString &usageId);

protected:
    /*! Has the libvirt callback of the event that \a signal carries registered when its first
     * receiver connects, waiting for that at most 40 ms. */
    void connectNotify(const QMetaMethod &signal) override;
    /*! Drops the libvirt callback of the event that \a signal carries when its last receiver goes.
     */
    void disconnectNotify(const QMetaMethod &signal) override;

private:
    friend class QVirtConnectionPrivate;
    Q_DISABLE_COPY_MOVE(QVirtConnection)
    const std::unique_ptr<QVirtConnectionPrivate> d;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::ShutdownFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::DestroyFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::UndefineFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::CreateFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::MemoryFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::VcpuFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::XmlFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::ConsoleFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::GraphicsFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::SaveFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::SnapshotCreateFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::SnapshotRevertFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(QVirtConnection::SnapshotDeleteFlags)

#endif // QTVIRT_QVIRTCONNECTION_H
