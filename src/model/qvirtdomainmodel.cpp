// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/qvirtdomainmodel_p.h"

#include "connection/qvirtconnection_p.h"

#include "model/domainaction.h"
#include "model/domaincolumns.h"
#include "model/domainstatetext.h"
#include "model/domainstatspoller.h"
#include "model/domaintracker.h"

#include <QtVirt/qvirtconnection.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QFutureWatcher>
#include <QtCore/QTimer>

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

// The roles a statistics sample changes, besides memory and vCPUs.
const QList<int> &statisticsRoles()
{
    static const QList<int> roles{
        QVirtDomainModel::CpuPercentRole,   QVirtDomainModel::MemoryUsedRole,
        QVirtDomainModel::DiskReadRateRole, QVirtDomainModel::DiskWriteRateRole,
        QVirtDomainModel::NetRxRateRole,    QVirtDomainModel::NetTxRateRole,
    };
    return roles;
}

template<typename T>
QVariant optionalValue(const DomainStatistics::Figures *figures,
                       std::optional<T> DomainStatistics::Figures::*field)
{
    if (!figures || !(figures->*field))
        return QVariant();
    return QVariant::fromValue(*(figures->*field));
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
    for (const auto &source : d->sources)
        delete source->tracker();
}

void QVirtDomainModel::addConnection(QVirtConnection *connection)
{
    if (!connection || connections().contains(connection))
        return;
    // None of the connects below waits for a registration: the tracker
    // lists once they went through (DomainTracker).
    const QVirtConnectionPrivate::UnwaitedSyncs unwaited(connection);
    auto *tracker = new DomainTracker(connection, this);
    d->sources.push_back(std::make_unique<DomainRows>(tracker));
    DomainRows *const source = d->sources.back().get();
    QVirtDomainModelPrivate *const dd = d.get();
    // A child of the tracker: it goes with it.
    auto *poller = new DomainStatsPoller(connection, tracker);
    source->setStatsPoller(poller);
    connect(poller, &DomainStatsPoller::sampled, this,
            [dd, source](const QHash<QUuid, DomainStatistics::Counters> &counters,
                         const QSet<QUuid> &changed) {
                dd->applyStatistics(source, counters, changed);
            });
    poller->setInterval(d->statsInterval);
    connect(poller, &DomainStatsPoller::failed, this, [dd, connection](const QString &message) {
        dd->fail(StatisticsError,
                 tr("Cannot read the statistics of the domains of %1: %2")
                     .arg(QVirtDomainModelPrivate::hostLabel(connection), message));
    });
    connect(tracker, &DomainTracker::listingFailed, this, [dd, connection](const QString &message) {
        dd->fail(ListingError,
                 tr("Cannot list the domains of %1: %2")
                     .arg(QVirtDomainModelPrivate::hostLabel(connection), message));
    });
    connect(
        tracker, &DomainTracker::domainsUpdated, this,
        [dd, source](const QList<DomainEntry> &entries) { dd->handleUpdated(source, entries); });
    connect(tracker, &DomainTracker::domainRemoved, this,
            [dd, source](const QUuid &uuid) { dd->handleRemoved(source, uuid); });
    connect(connection, &QVirtConnection::hostInfoChanged, tracker,
            [dd, source] { dd->connectionInfoChanged(source); });
    connect(connection, &QVirtConnection::uriChanged, tracker,
            [dd, source] { dd->connectionInfoChanged(source); });
    // The tracker goes with its connection; it never touches the dying one.
    connect(connection, &QObject::destroyed, tracker, [dd, tracker] { dd->removeSource(tracker); });
    Q_EMIT connectionsChanged();
}

void QVirtDomainModel::removeConnection(QVirtConnection *connection)
{
    for (const auto &source : d->sources) {
        if (source->tracker()->connection() == connection) {
            d->removeSource(source->tracker());
            return;
        }
    }
}

QVirtDomainModel::Error QVirtDomainModel::error() const
{
    return d->error;
}

QString QVirtDomainModel::errorString() const
{
    return d->errorString;
}

int QVirtDomainModel::statsInterval() const
{
    return d->statsInterval;
}

void QVirtDomainModel::setStatsInterval(int ms)
{
    ms = std::max(ms, 0);
    if (ms == d->statsInterval)
        return;
    d->statsInterval = ms;
    for (const auto &source : d->sources)
        source->statsPoller()->setInterval(ms);
    if (ms == 0)
        d->dropStatistics();
    Q_EMIT statsIntervalChanged();
}

QList<QVirtConnection *> QVirtDomainModel::connections() const
{
    QList<QVirtConnection *> result;
    result.reserve(static_cast<qsizetype>(d->sources.size()));
    for (const auto &source : d->sources)
        result.append(source->tracker()->connection());
    return result;
}

int QVirtDomainModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    int count = 0;
    for (const auto &source : d->sources)
        count += source->size();
    return count;
}

int QVirtDomainModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QVirtDomainModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const auto [source, at] = d->locate(index.row());
    const DomainEntry &entry = source->at(at);
    const QVirtConnection *const connection = source->tracker()->connection();
    const DomainStatistics::Figures *const figures = source->statsPoller()->figuresOf(entry.uuid);
    using Figures = DomainStatistics::Figures;
    switch (role) {
    case Qt::DisplayRole:
        return DomainColumns::display(entry, figures, connection->hostName(), index.column());
    case SortRole:
        return DomainColumns::sortKey(entry, figures, connection->hostName(), index.column());
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
        return connection->hostName();
    case UriRole:
        return connection->uri();
    case CpuPercentRole:
        return optionalValue(figures, &Figures::cpuPercent);
    case MemoryUsedRole:
        return optionalValue(figures, &Figures::memoryUsedKiB);
    case DiskReadRateRole:
        return optionalValue(figures, &Figures::diskReadRate);
    case DiskWriteRateRole:
        return optionalValue(figures, &Figures::diskWriteRate);
    case NetRxRateRole:
        return optionalValue(figures, &Figures::netRxRate);
    case NetTxRateRole:
        return optionalValue(figures, &Figures::netTxRate);
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
        {CpuPercentRole, "cpuPercent"},
        {MemoryUsedRole, "memoryUsed"},
        {DiskReadRateRole, "diskReadRate"},
        {DiskWriteRateRole, "diskWriteRate"},
        {NetRxRateRole, "netRxRate"},
        {NetTxRateRole, "netTxRate"},
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

int QVirtDomainModelPrivate::offsetOf(const DomainRows *source) const
{
    int offset = 0;
    for (const auto &each : sources) {
        if (each.get() == source)
            break;
        offset += each->size();
    }
    return offset;
}

std::pair<const DomainRows *, int> QVirtDomainModelPrivate::locate(int row) const
{
    for (const auto &source : sources) {
        if (row < source->size())
            return {source.get(), row};
        row -= source->size();
    }
    Q_UNREACHABLE();
}

DomainRows *QVirtDomainModelPrivate::sourceOf(const DomainTracker *tracker) const
{
    for (const auto &source : sources) {
        if (source->tracker() == tracker)
            return source.get();
    }
    return nullptr;
}

void QVirtDomainModelPrivate::handleUpdated(DomainRows *source, const QList<DomainEntry> &entries)
{
    Q_Q(QVirtDomainModel);
    // The changed rows of one batch are announced together, as one range:
    // a listing or a statistics refresh is one dataChanged(), not one per
    // domain.
    int first = -1;
    int last = -1;
    QList<int> roles;
    for (const DomainEntry &entry : entries) {
        if (source->isPending(entry.uuid)) {
            source->addPending(entry);
            continue;
        }
        const int row = source->indexOf(entry.uuid);
        if (row < 0) {
            source->addPending(entry);
            continue;
        }
        const DomainEntry &current = source->at(row);
        if (current.name != entry.name) {
            // Renamed: its place in the order changes.
            const int at = offsetOf(source) + row;
            if (first >= 0) {
                // The rows already changed lie around it; announce them
                // before the numbering shifts.
                rowsChanged(first, last, roles);
                first = last = -1;
                roles.clear();
            }
            q->beginRemoveRows(QModelIndex(), at, at);
            source->removeAt(row);
            q->endRemoveRows();
            Q_EMIT q->countChanged();
            source->addPending(entry);
            continue;
        }
        const QList<int> changed = changedRoles(current, entry);
        source->replace(row, entry);
        if (changed.isEmpty())
            continue;
        const int at = offsetOf(source) + row;
        first = first < 0 ? at : std::min(first, at);
        last = std::max(last, at);
        for (int role : changed) {
            if (!roles.contains(role))
                roles.append(role);
        }
    }
    if (first >= 0)
        rowsChanged(first, last, roles);
    insertPending();
}

void QVirtDomainModelPrivate::handleRemoved(DomainRows *source, const QUuid &uuid)
{
    Q_Q(QVirtDomainModel);
    if (source->removePending(uuid))
        return;
    const int row = source->indexOf(uuid);
    if (row < 0)
        return;
    const int at = offsetOf(source) + row;
    q->beginRemoveRows(QModelIndex(), at, at);
    source->removeAt(row);
    q->endRemoveRows();
    Q_EMIT q->countChanged();
}

void QVirtDomainModelPrivate::insertPending()
{
    Q_Q(QVirtDomainModel);
    // A frame at 60 Hz lasts 16 ms: inserting leaves most of it to the
    // views' own work and to painting. A run of rows is inserted with one
    // beginInsertRows(), however long it is up to MaxRun.
    constexpr qint64 BudgetNs = 4'000'000;
    constexpr int MaxRun = 500;
    if (insertionScheduled)
        return; // the next pass goes on where the last one stopped
    QElapsedTimer clock;
    clock.start();
    QList<DomainEntry> run;
    for (const auto &source : sources) {
        while (source->hasPending()) {
            if (clock.nsecsElapsed() >= BudgetNs) {
                insertionScheduled = true;
                QTimer::singleShot(0, q, [this] {
                    insertionScheduled = false;
                    insertPending();
                });
                return;
            }
            const int row = source->takePendingRun(MaxRun, &run);
            const int at = offsetOf(source.get()) + row;
            q->beginInsertRows(QModelIndex(), at, at + static_cast<int>(run.size()) - 1);
            source->insertRun(row, run);
            q->endInsertRows();
            Q_EMIT q->countChanged();
        }
    }
}

void QVirtDomainModelPrivate::removeSource(DomainTracker *tracker)
{
    Q_Q(QVirtDomainModel);
    const auto found = std::find_if(sources.begin(), sources.end(), [tracker](const auto &source) {
        return source->tracker() == tracker;
    });
    if (found == sources.end())
        return;
    DomainRows *const source = found->get();
    if (source->size() > 0) {
        const int from = offsetOf(source);
        q->beginRemoveRows(QModelIndex(), from, from + source->size() - 1);
        sources.erase(found);
        q->endRemoveRows();
        Q_EMIT q->countChanged();
    } else {
        sources.erase(found);
    }
    delete tracker;
    Q_EMIT q->connectionsChanged();
}

void QVirtDomainModelPrivate::connectionInfoChanged(DomainRows *source)
{
    if (source->size() == 0)
        return;
    const int from = offsetOf(source);
    rowsChanged(from, from + source->size() - 1,
                {QVirtDomainModel::HostRole, QVirtDomainModel::UriRole});
}

void QVirtDomainModelPrivate::applyStatistics(
    DomainRows *source, const QHash<QUuid, DomainStatistics::Counters> &counters,
    const QSet<QUuid> &changedFigures)
{
    int first = -1;
    int last = -1;
    QList<int> roles;
    const auto include = [&](int row, const QList<int> &changed) {
        const int at = offsetOf(source) + row;
        first = first < 0 ? at : std::min(first, at);
        last = std::max(last, at);
        for (int role : changed) {
            if (!roles.contains(role))
                roles.append(role);
        }
    };
    const QList<DomainEntry> refreshed = source->tracker()->refreshFromStatistics(counters);
    for (const DomainEntry &entry : refreshed) {
        const int row = source->indexOf(entry.uuid);
        if (row < 0) {
            // Not a row yet: it becomes one with these values.
            if (source->isPending(entry.uuid))
                source->addPending(entry);
            continue;
        }
        const QList<int> changed = changedRoles(source->at(row), entry);
        source->replace(row, entry);
        include(row, changed);
    }
    for (const QUuid &uuid : changedFigures) {
        const int row = source->indexOf(uuid);
        if (row >= 0)
            include(row, statisticsRoles());
    }
    // One range for the connection, whatever rows lie in between: views
    // repaint a range at a time, and a signal per row costs more for ten
    // thousand domains than repainting the unchanged ones among them.
    if (first >= 0)
        rowsChanged(first, last, roles);
}

void QVirtDomainModelPrivate::dropStatistics()
{
    for (const auto &source : sources) {
        int first = -1;
        int last = -1;
        for (const QUuid &uuid : source->statsPoller()->clear()) {
            const int row = source->indexOf(uuid);
            if (row < 0)
                continue;
            const int at = offsetOf(source.get()) + row;
            first = first < 0 ? at : std::min(first, at);
            last = std::max(last, at);
        }
        if (first >= 0)
            rowsChanged(first, last, statisticsRoles());
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

bool QVirtDomainModelPrivate::run(int row, QVirtDomainModel::Action action)
{
    Q_Q(QVirtDomainModel);
    if (row < 0 || row >= q->rowCount())
        return false;
    const auto [source, at] = locate(row);
    const DomainEntry entry = source->at(at);
    const QFuture<void> future = launchDomainAction(
        source->tracker()->connection(), action, QVirtDomainRef(entry.name, entry.uuid, entry.id));
    auto *watcher = new QFutureWatcher<void>(q);
    QObject::connect(watcher, &QFutureWatcherBase::finished, q, [this, watcher, action, entry] {
        watcher->deleteLater();
        report(action, entry, watcher->future());
    });
    watcher->setFuture(future);
    return true;
}

void QVirtDomainModelPrivate::fail(QVirtDomainModel::Error failure, const QString &message)
{
    Q_Q(QVirtDomainModel);
    error = failure;
    errorString = message;
    Q_EMIT q->errorOccurred(error);
}

QString QVirtDomainModelPrivate::hostLabel(const QVirtConnection *connection)
{
    const QString host = connection->hostName();
    return host.isEmpty() ? connection->uri() : host;
}

void QVirtDomainModelPrivate::report(QVirtDomainModel::Action action, const DomainEntry &entry,
                                     const QFuture<void> &future)
{
    Q_Q(QVirtDomainModel);
    const QString failure = domainActionError(action, entry.name, future);
    if (!failure.isEmpty())
        fail(QVirtDomainModel::ActionError, failure);
    Q_EMIT q->actionFinished(action, entry.name, entry.uuid.toString(QUuid::WithoutBraces),
                             failure.isEmpty());
}
