// SPDX-License-Identifier: LGPL-2.1-or-later
#include "domainmodel.h"

#include "domainreboot.h"
#include "domainstatetext.h"
#include "domaintracker.h"

#include <QtCore/QFutureWatcher>

#include <algorithm>

namespace {

QList<int> changedRoles(const DomainEntry &before, const DomainEntry &after)
{
    QList<int> roles;
    if (before.id != after.id)
        roles << DomainModel::DomainIdRole;
    if (before.state != after.state)
        roles << DomainModel::StateRole << DomainModel::StateTextRole;
    if (before.persistent != after.persistent)
        roles << DomainModel::PersistentRole;
    if (before.autostart != after.autostart)
        roles << DomainModel::AutostartRole;
    if (before.memoryKiB != after.memoryKiB)
        roles << DomainModel::MemoryRole;
    if (before.vcpus != after.vcpus)
        roles << DomainModel::VcpusRole;
    return roles;
}

} // namespace

DomainModel::DomainModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

DomainModel::~DomainModel() = default;

void DomainModel::addConnection(QVirtConnection *connection)
{
    if (!connection || connections().contains(connection))
        return;
    auto *tracker = new DomainTracker(connection, this);
    m_trackers.append(tracker);
    connect(tracker, &DomainTracker::domainUpdated, this,
            [this, tracker](const DomainEntry &entry) { handleUpdated(tracker, entry); });
    connect(tracker, &DomainTracker::domainRemoved, this,
            [this, tracker](const QUuid &uuid) { handleRemoved(tracker, uuid); });
    connect(connection, &QVirtConnection::hostInfoChanged, tracker,
            [this, tracker] { connectionInfoChanged(tracker); });
    connect(connection, &QVirtConnection::uriChanged, tracker,
            [this, tracker] { connectionInfoChanged(tracker); });
    // The tracker goes with its connection; it never touches the dying one.
    connect(connection, &QObject::destroyed, tracker, [this, tracker] { removeTracker(tracker); });
    Q_EMIT connectionsChanged();
}

void DomainModel::removeConnection(QVirtConnection *connection)
{
    for (DomainTracker *tracker : std::as_const(m_trackers)) {
        if (tracker->connection() == connection) {
            removeTracker(tracker);
            return;
        }
    }
}

QList<QVirtConnection *> DomainModel::connections() const
{
    QList<QVirtConnection *> result;
    result.reserve(m_trackers.size());
    for (const DomainTracker *tracker : m_trackers)
        result.append(tracker->connection());
    return result;
}

int DomainModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant DomainModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    const DomainEntry &entry = row.entry;
    switch (role) {
    case Qt::DisplayRole:
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

QHash<int, QByteArray> DomainModel::roleNames() const
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

QQmlListProperty<QVirtConnection> DomainModel::connectionList()
{
    using List = QQmlListProperty<QVirtConnection>;
    return List(
        this, nullptr,
        [](List *list, QVirtConnection *connection) {
            static_cast<DomainModel *>(list->object)->addConnection(connection);
        },
        [](List *list) { return static_cast<DomainModel *>(list->object)->m_trackers.size(); },
        [](List *list, qsizetype index) {
            return static_cast<DomainModel *>(list->object)->m_trackers.at(index)->connection();
        },
        [](List *list) {
            auto *model = static_cast<DomainModel *>(list->object);
            while (!model->m_trackers.isEmpty())
                model->removeTracker(model->m_trackers.constLast());
        });
}

void DomainModel::handleUpdated(DomainTracker *tracker, const DomainEntry &entry)
{
    const int row = rowOf(tracker, entry.uuid);
    if (row < 0) {
        insertRow(Row{tracker, entry});
        return;
    }
    DomainEntry &current = m_rows[row].entry;
    if (current.name != entry.name) {
        // Renamed: its place in the order changes.
        removeRowAt(row);
        insertRow(Row{tracker, entry});
        return;
    }
    const QList<int> roles = changedRoles(current, entry);
    current = entry;
    if (!roles.isEmpty())
        Q_EMIT dataChanged(index(row), index(row), roles);
}

void DomainModel::handleRemoved(DomainTracker *tracker, const QUuid &uuid)
{
    const int row = rowOf(tracker, uuid);
    if (row >= 0)
        removeRowAt(row);
}

void DomainModel::insertRow(const Row &row)
{
    const auto before = [this](const Row &a, const Row &b) {
        const qsizetype trackerA = m_trackers.indexOf(a.tracker);
        const qsizetype trackerB = m_trackers.indexOf(b.tracker);
        if (trackerA != trackerB)
            return trackerA < trackerB;
        const int byName = a.entry.name.compare(b.entry.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.entry.uuid < b.entry.uuid;
    };
    const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), row, before);
    const int position = static_cast<int>(at - m_rows.cbegin());
    beginInsertRows(QModelIndex(), position, position);
    m_rows.insert(position, row);
    endInsertRows();
    Q_EMIT countChanged();
}

void DomainModel::removeRowAt(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

void DomainModel::removeTracker(DomainTracker *tracker)
{
    const auto first = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                    [tracker](const Row &row) { return row.tracker == tracker; });
    const auto last = std::find_if(first, m_rows.cend(),
                                   [tracker](const Row &row) { return row.tracker != tracker; });
    if (first != last) {
        const int from = static_cast<int>(first - m_rows.cbegin());
        const int to = static_cast<int>(last - m_rows.cbegin());
        beginRemoveRows(QModelIndex(), from, to - 1);
        m_rows.remove(from, to - from);
        endRemoveRows();
        Q_EMIT countChanged();
    }
    m_trackers.removeOne(tracker);
    delete tracker;
    Q_EMIT connectionsChanged();
}

void DomainModel::connectionInfoChanged(DomainTracker *tracker)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).tracker == tracker)
            Q_EMIT dataChanged(index(row), index(row), {HostRole, UriRole});
    }
}

int DomainModel::rowOf(const DomainTracker *tracker, const QUuid &uuid) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).tracker == tracker && m_rows.at(row).entry.uuid == uuid)
            return row;
    }
    return -1;
}

bool DomainModel::run(int row, Action action)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const Row &target = m_rows.at(row);
    const DomainEntry entry = target.entry;
    const QFuture<void> future = launch(target.tracker->connection(), action,
                                        QVirtDomainRef(entry.name, entry.uuid, entry.id));
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, action, entry] {
        watcher->deleteLater();
        report(action, entry, watcher->future());
    });
    watcher->setFuture(future);
    return true;
}

QFuture<void> DomainModel::launch(QVirtConnection *connection, Action action,
                                  const QVirtDomainRef &domain) const
{
    switch (action) {
    case Start:
        return connection->startDomain(domain);
    case Shutdown:
        return connection->shutdownDomain(domain);
    case Reboot:
        return ::rebootDomain(connection, domain);
    case Destroy:
        return connection->destroyDomain(domain);
    case Suspend:
        return connection->suspendDomain(domain);
    case Resume:
        return connection->resumeDomain(domain);
    }
    Q_UNREACHABLE();
}

void DomainModel::report(Action action, const DomainEntry &entry, const QFuture<void> &future)
{
    QString error;
    try {
        QFuture<void>(future).waitForFinished(); // rethrows the operation's QVirtError
        if (future.isCanceled())
            error = tr("the operation was canceled");
    } catch (const QVirtError &failure) {
        error = failure.message();
    }
    Q_EMIT actionFinished(action, entry.name, entry.uuid.toString(QUuid::WithoutBraces),
                          error.isEmpty(), error);
}
