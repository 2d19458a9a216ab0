// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/qvirtdomainmodel_p.h"

#include "model/domainaction.h"
#include "model/domaincolumns.h"
#include "model/domainstatetext.h"
#include "model/domaintracker.h"

#include <QtVirt/qvirtconnection.h>

#include <QtCore/QFutureWatcher>

#include <algorithm>
#include <utility>

namespace {

QList<int> changedRoles(const DomainEntry &before, const DomainEntry &after)
{
    QList<int> roles;
    if (before.id != after.id)
        roles << QVirtDomainModel::DomainIdRole;
    if (before.state != after.state)
        roles << QVirtDomainModel::StateRole << QVirtDomainModel::StateTextRole;
    if (before.persistent != after.persistent)
        roles << QVirtDomainModel::PersistentRole;
    if (before.autostart != after.autostart)
        roles << QVirtDomainModel::AutostartRole;
    if (before.memoryKiB != after.memoryKiB)
        roles << QVirtDomainModel::MemoryRole;
    if (before.vcpus != after.vcpus)
        roles << QVirtDomainModel::VcpusRole;
    return roles;
}

} // namespace

QVirtDomainModel::QVirtDomainModel(QObject *parent)
    : QAbstractTableModel(parent)
    , d(std::make_unique<QVirtDomainModelPrivate>(this))
{ }

QVirtDomainModel::~QVirtDomainModel()
{
    // The trackers are children; their slots must not reach a half-destroyed
    // model, so they go first.
    qDeleteAll(std::exchange(d->trackers, {}));
}

void QVirtDomainModel::addConnection(QVirtConnection *connection)
{
    if (!connection || connections().contains(connection))
        return;
    auto *tracker = new DomainTracker(connection, this);
    d->trackers.append(tracker);
    QVirtDomainModelPrivate *const dd = d.get();
    connect(tracker, &DomainTracker::domainUpdated, this,
            [dd, tracker](const DomainEntry &entry) { dd->handleUpdated(tracker, entry); });
    connect(tracker, &DomainTracker::domainRemoved, this,
            [dd, tracker](const QUuid &uuid) { dd->handleRemoved(tracker, uuid); });
    connect(connection, &QVirtConnection::hostInfoChanged, tracker,
            [dd, tracker] { dd->connectionInfoChanged(tracker); });
    connect(connection, &QVirtConnection::uriChanged, tracker,
            [dd, tracker] { dd->connectionInfoChanged(tracker); });
    // The tracker goes with its connection; it never touches the dying one.
    connect(connection, &QObject::destroyed, tracker,
            [dd, tracker] { dd->removeTracker(tracker); });
    Q_EMIT connectionsChanged();
}

void QVirtDomainModel::removeConnection(QVirtConnection *connection)
{
    for (DomainTracker *tracker : std::as_const(d->trackers)) {
        if (tracker->connection() == connection) {
            d->removeTracker(tracker);
            return;
        }
    }
}

QList<QVirtConnection *> QVirtDomainModel::connections() const
{
    QList<QVirtConnection *> result;
    result.reserve(d->trackers.size());
    for (const DomainTracker *tracker : std::as_const(d->trackers))
        result.append(tracker->connection());
    return result;
}

int QVirtDomainModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(d->rows.size());
}

int QVirtDomainModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QVirtDomainModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const QVirtDomainModelPrivate::Row &row = d->rows.at(index.row());
    const DomainEntry &entry = row.entry;
    switch (role) {
    case Qt::DisplayRole:
        return DomainColumns::display(entry, row.tracker->connection()->hostName(), index.column());
    case SortRole:
        return DomainColumns::sortKey(entry, row.tracker->connection()->hostName(), index.column());
    case NameRole:
        return entry.name;
    case UuidRole:
        return entry.uuid.toString(QUuid::WithoutBraces);
    case DomainIdRole:
        return entry.id;
    case StateRole:
        return entry.state;
    case StateTextRole:
        return domainStateText(entry.state);
    case PersistentRole:
        return entry.persistent;
    case AutostartRole:
        return entry.autostart;
    case MemoryRole:
        return entry.memoryKiB;
    case VcpusRole:
        return entry.vcpus;
    case HostRole:
        return row.tracker->connection()->hostName();
    case UriRole:
        return row.tracker->connection()->uri();
    default:
        return QVariant();
    }
}

QVariant QVirtDomainModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case CpuColumn:
        //: The column of the domains' CPU use, in percent.
        return tr("CPU %");
    case MemoryColumn:
        return tr("Memory");
    case VcpusColumn:
        //: The column of the number of virtual CPUs.
        return tr("vCPUs");
    case HostColumn:
        return tr("Host");
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> QVirtDomainModel::roleNames() const
{
    return {
        {NameRole, "name"},
        {UuidRole, "uuid"},
        {DomainIdRole, "domainId"},
        {StateRole, "domainState"},
        {StateTextRole, "stateText"},
        {PersistentRole, "persistent"},
        {AutostartRole, "autostart"},
        {MemoryRole, "memory"},
        {VcpusRole, "vcpus"},
        {HostRole, "host"},
        {UriRole, "uri"},
    };
}

bool QVirtDomainModel::startDomain(int row)
{
    return d->run(row, Start);
}

bool QVirtDomainModel::shutdownDomain(int row)
{
    return d->run(row, Shutdown);
}

bool QVirtDomainModel::rebootDomain(int row)
{
    return d->run(row, Reboot);
}

bool QVirtDomainModel::destroyDomain(int row)
{
    return d->run(row, Destroy);
}

bool QVirtDomainModel::suspendDomain(int row)
{
    return d->run(row, Suspend);
}

bool QVirtDomainModel::resumeDomain(int row)
{
    return d->run(row, Resume);
}

void QVirtDomainModelPrivate::handleUpdated(DomainTracker *tracker, const DomainEntry &entry)
{
    const int row = rowOf(tracker, entry.uuid);
    if (row < 0) {
        insertRow(Row{tracker, entry});
        return;
    }
    DomainEntry &current = rows[row].entry;
    if (current.name != entry.name) {
        // Renamed: its place in the order changes.
        removeRowAt(row);
        insertRow(Row{tracker, entry});
        return;
    }
    const QList<int> roles = changedRoles(current, entry);
    current = entry;
    if (!roles.isEmpty())
        rowsChanged(row, row, roles);
}

void QVirtDomainModelPrivate::handleRemoved(DomainTracker *tracker, const QUuid &uuid)
{
    const int row = rowOf(tracker, uuid);
    if (row >= 0)
        removeRowAt(row);
}

void QVirtDomainModelPrivate::insertRow(const Row &row)
{
    Q_Q(QVirtDomainModel);
    const auto before = [this](const Row &a, const Row &b) {
        const qsizetype trackerA = trackers.indexOf(a.tracker);
        const qsizetype trackerB = trackers.indexOf(b.tracker);
        if (trackerA != trackerB)
            return trackerA < trackerB;
        const int byName = a.entry.name.compare(b.entry.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.entry.uuid < b.entry.uuid;
    };
    const auto at = std::lower_bound(rows.cbegin(), rows.cend(), row, before);
    const int position = static_cast<int>(at - rows.cbegin());
    q->beginInsertRows(QModelIndex(), position, position);
    rows.insert(position, row);
    q->endInsertRows();
    Q_EMIT q->countChanged();
}

void QVirtDomainModelPrivate::removeRowAt(int row)
{
    Q_Q(QVirtDomainModel);
    q->beginRemoveRows(QModelIndex(), row, row);
    rows.removeAt(row);
    q->endRemoveRows();
    Q_EMIT q->countChanged();
}

void QVirtDomainModelPrivate::removeTracker(DomainTracker *tracker)
{
    Q_Q(QVirtDomainModel);
    const auto first = std::find_if(rows.cbegin(), rows.cend(),
                                    [tracker](const Row &row) { return row.tracker == tracker; });
    const auto last = std::find_if(first, rows.cend(),
                                   [tracker](const Row &row) { return row.tracker != tracker; });
    if (first != last) {
        const int from = static_cast<int>(first - rows.cbegin());
        const int to = static_cast<int>(last - rows.cbegin());
        q->beginRemoveRows(QModelIndex(), from, to - 1);
        rows.remove(from, to - from);
        q->endRemoveRows();
        Q_EMIT q->countChanged();
    }
    trackers.removeOne(tracker);
    delete tracker;
    Q_EMIT q->connectionsChanged();
}

void QVirtDomainModelPrivate::connectionInfoChanged(DomainTracker *tracker)
{
    for (int row = 0; row < rows.size(); ++row) {
        if (rows.at(row).tracker == tracker)
            rowsChanged(row, row, {QVirtDomainModel::HostRole, QVirtDomainModel::UriRole});
    }
}

void QVirtDomainModelPrivate::rowsChanged(int first, int last, const QList<int> &roles)
{
    Q_Q(QVirtDomainModel);
    // The columns show most roles in some form: their text and sort key
    // change with them.
    QList<int> all = roles;
    all << Qt::DisplayRole << QVirtDomainModel::SortRole;
    Q_EMIT q->dataChanged(q->index(first, 0), q->index(last, QVirtDomainModel::ColumnCount - 1),
                          all);
}

int QVirtDomainModelPrivate::rowOf(const DomainTracker *tracker, const QUuid &uuid) const
{
    for (int row = 0; row < rows.size(); ++row) {
        if (rows.at(row).tracker == tracker && rows.at(row).entry.uuid == uuid)
            return row;
    }
    return -1;
}

bool QVirtDomainModelPrivate::run(int row, QVirtDomainModel::Action action)
{
    Q_Q(QVirtDomainModel);
    if (row < 0 || row >= rows.size())
        return false;
    const Row &target = rows.at(row);
    const DomainEntry entry = target.entry;
    const QFuture<void> future = launchDomainAction(
        target.tracker->connection(), action, QVirtDomainRef(entry.name, entry.uuid, entry.id));
    auto *watcher = new QFutureWatcher<void>(q);
    QObject::connect(watcher, &QFutureWatcherBase::finished, q, [this, watcher, action, entry] {
        watcher->deleteLater();
        report(action, entry, watcher->future());
    });
    watcher->setFuture(future);
    return true;
}

void QVirtDomainModelPrivate::report(QVirtDomainModel::Action action, const DomainEntry &entry,
                                     const QFuture<void> &future)
{
    Q_Q(QVirtDomainModel);
    const QString error = domainActionError(future);
    Q_EMIT q->actionFinished(action, entry.name, entry.uuid.toString(QUuid::WithoutBraces),
                             error.isEmpty(), error);
}
