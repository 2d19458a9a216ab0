// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTDOMAININFO_H
#define QTVIRT_QVIRTDOMAININFO_H

#include <QtVirt/qtvirtglobal.h>
#include <QtVirt/qvirtdomainref.h>

#include <QtCore/QMetaType>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>
#include <QtCore/QUuid>

#include <libvirt/libvirt.h>

class QDebug;
class QVirtDomainInfoData;

/*!
    \class QVirtDomainInfo
    \brief One domain as QVirtConnection::listDomains() found it.

    A small, implicitly shared value: a snapshot taken when the listing ran,
    not kept current. domainRef() names the domain for QVirtConnection's
    operations.

    \since 0.2
*/
class QTVIRT_EXPORT QVirtDomainInfo
{
    Q_GADGET
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(QUuid uuid READ uuid CONSTANT)
    Q_PROPERTY(int id READ id CONSTANT)
    Q_PROPERTY(State state READ state CONSTANT)
    Q_PROPERTY(int stateReason READ stateReason CONSTANT)
    Q_PROPERTY(bool persistent READ isPersistent CONSTANT)
    Q_PROPERTY(bool autostart READ autostart CONSTANT)
    Q_PROPERTY(quint64 maxMemory READ maxMemory CONSTANT)
    Q_PROPERTY(quint64 memory READ memory CONSTANT)
    Q_PROPERTY(int vcpus READ vcpus CONSTANT)
    Q_PROPERTY(quint64 cpuTime READ cpuTime CONSTANT)

public:
    /*! virDomainState; values equal libvirt's. \since 0.2 */
    enum class State {
        NoState = VIR_DOMAIN_NOSTATE,         ///< No state reported.
        Running = VIR_DOMAIN_RUNNING,         ///< Running.
        Blocked = VIR_DOMAIN_BLOCKED,         ///< Blocked on a resource.
        Paused = VIR_DOMAIN_PAUSED,           ///< Paused by the user.
        Shutdown = VIR_DOMAIN_SHUTDOWN,       ///< Being shut down.
        Shutoff = VIR_DOMAIN_SHUTOFF,         ///< Not running.
        Crashed = VIR_DOMAIN_CRASHED,         ///< Crashed.
        PMSuspended = VIR_DOMAIN_PMSUSPENDED, ///< Suspended by guest power management.
    };
    Q_ENUM(State)

    /*! An empty value: no name, state NoState. \since 0.2 */
    QVirtDomainInfo();
    /*! Constructs a copy of \a other. */
    QVirtDomainInfo(const QVirtDomainInfo &other);
    /*! Moves \a other into a new object; \a other may only be assigned to or destroyed afterwards.
     */
    QVirtDomainInfo(QVirtDomainInfo &&other) noexcept;
    /*! Assigns \a other to this object and returns a reference to it. */
    QVirtDomainInfo &operator=(const QVirtDomainInfo &other);
    /*! Moves \a other into this object and returns a reference to it. */
    QVirtDomainInfo &operator=(QVirtDomainInfo &&other) noexcept;
    /*! Destroys the object. */
    ~QVirtDomainInfo();

    /*! \since 0.2 */
    QString name() const;
    /*! \since 0.2 */
    QUuid uuid() const;
    /*! The hypervisor's id of a running domain, or -1. \since 0.2 */
    int id() const;
    /*! name(), uuid() and id() as a reference for QVirtConnection's operations. \since 0.2 */
    QVirtDomainRef domainRef() const;
    /*! \since 0.2 */
    State state() const;
    /*!
        Why the domain is in state(): a value of libvirt's reason enum of
        that state (virDomainRunningReason, virDomainShutoffReason...).
        \since 0.2
    */
    int stateReason() const;
    /*!
        Returns whether the domain has a persistent configuration (else it is transient).
        \since 0.2
    */
    bool isPersistent() const;
    /*!
        Returns whether the domain starts with the host.
        \since 0.2
    */
    bool autostart() const;
    /*! The most memory the domain may have, in KiB. \since 0.2 */
    quint64 maxMemory() const;
    /*! The memory the domain has now (the balloon's size), in KiB. \since 0.2 */
    quint64 memory() const;
    /*! The number of vCPUs the domain has now. \since 0.2 */
    int vcpus() const;
    /*! CPU time the domain used, in nanoseconds (0 when it does not run). \since 0.2 */
    quint64 cpuTime() const;

private:
    friend class QVirtDomainInfoData;
    explicit QVirtDomainInfo(QVirtDomainInfoData *data);
    QSharedDataPointer<QVirtDomainInfoData> d;
};

/*!
    Writes \a info, its name, UUID and state, to \a debug.
    \since 0.2
*/
QTVIRT_EXPORT QDebug operator<<(QDebug debug, const QVirtDomainInfo &info);

Q_DECLARE_METATYPE(QVirtDomainInfo)

#endif // QTVIRT_QVIRTDOMAININFO_H
