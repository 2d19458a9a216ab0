// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_DOMAINMODEL_H
#define QTVIRT_QML_DOMAINMODEL_H

#include "domainentry.h"

#include <QtVirt/QVirtConnection>

#include <QtCore/QAbstractListModel>
#include <QtCore/QFuture>
#include <QtQml/QQmlListProperty>
#include <QtQml/qqmlregistration.h>

class DomainTracker;

// `DomainModel` in QML: the domains of one or more connections, one row
// each, sorted by connection (in the order given) and then by name.
//
// It follows libvirt's lifecycle events and never polls: a row appears when
// a domain is defined or a transient one starts, changes with every
// lifecycle event, and goes when a domain is undefined or a transient one
// stops. Every open of a connection, reconnects included, lists its domains
// again. A closed connection has no rows. See DomainTracker.
//
// The actions (startDomain() and the others) take a row, run in a thread
// pool and report through actionFinished(). The connections are not owned.
class DomainModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        QQmlListProperty<QVirtConnection> connections READ connectionList NOTIFY connectionsChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1, // "name"
        UuidRole,                    // "uuid": without braces, as virsh prints it
        DomainIdRole,                // "domainId": the hypervisor's id, -1 unless running
        StateRole,                   // "domainState": a State (Item.state is taken)
        StateTextRole,               // "stateText": translated, for example "Shut off"
        PersistentRole,              // "persistent"
        AutostartRole,               // "autostart"
        MemoryRole,                  // "memory": KiB in use (virDomainInfo.memory)
        VcpusRole,                   // "vcpus"
        HostRole,                    // "host": the connection's host name
        UriRole,                     // "uri": the connection's URI
    };
    Q_ENUM(Role)

    // virDomainState; values equal libvirt's.
    enum State {
        NoState = VIR_DOMAIN_NOSTATE,
        Running = VIR_DOMAIN_RUNNING,
        Blocked = VIR_DOMAIN_BLOCKED,
        Paused = VIR_DOMAIN_PAUSED,
        ShuttingDown = VIR_DOMAIN_SHUTDOWN,
        ShutOff = VIR_DOMAIN_SHUTOFF,
        Crashed = VIR_DOMAIN_CRASHED,
        PMSuspended = VIR_DOMAIN_PMSUSPENDED,
    };
    Q_ENUM(State)

    enum Action { Start, Shutdown, Reboot, Destroy, Suspend, Resume };
    Q_ENUM(Action)

    explicit DomainModel(QObject *parent = nullptr);
    ~DomainModel() override;

    void addConnection(QVirtConnection *connection);
    void removeConnection(QVirtConnection *connection);
    QList<QVirtConnection *> connections() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Each returns false, and does nothing, for a row that does not exist.
    // Named with "Domain" because QML objects have a destroy() of their own.
    Q_INVOKABLE bool startDomain(int row) { return run(row, Start); }
    Q_INVOKABLE bool shutdownDomain(int row) { return run(row, Shutdown); }
    Q_INVOKABLE bool rebootDomain(int row) { return run(row, Reboot); }
    Q_INVOKABLE bool destroyDomain(int row) { return run(row, Destroy); }
    Q_INVOKABLE bool suspendDomain(int row) { return run(row, Suspend); }
    Q_INVOKABLE bool resumeDomain(int row) { return run(row, Resume); }

Q_SIGNALS:
    void countChanged();
    void connectionsChanged();
    // An action ended; errorString is libvirt's message when it failed.
    void actionFinished(DomainModel::Action action, const QString &name, const QString &uuid,
                        bool succeeded, const QString &errorString);

private:
    struct Row
    {
        DomainTracker *tracker;
        DomainEntry entry;
    };

    QQmlListProperty<QVirtConnection> connectionList();
    void handleUpdated(DomainTracker *tracker, const DomainEntry &entry);
    void handleRemoved(DomainTracker *tracker, const QUuid &uuid);
    void insertRow(const Row &row);
    void removeRowAt(int row);
    void removeTracker(DomainTracker *tracker);
    void connectionInfoChanged(DomainTracker *tracker);
    int rowOf(const DomainTracker *tracker, const QUuid &uuid) const;
    bool run(int row, Action action);
    QFuture<void> launch(QVirtConnection *connection, Action action,
                         const QVirtDomainRef &domain) const;
    void report(Action action, const DomainEntry &entry, const QFuture<void> &future);

    QList<DomainTracker *> m_trackers;
    QList<Row> m_rows;
};

#endif // QTVIRT_QML_DOMAINMODEL_H
