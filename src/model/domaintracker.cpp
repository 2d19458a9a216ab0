// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domaintracker.h"

#include "connection/connectionhandle.h"
#include "connection/qvirtconnection_p.h"
#include "model/modelworkerpool.h"
#include "model/pooledcall.h"

#include <QtCore/QPointer>

#include <utility>

namespace {

bool isActive(int state)
{
    return state != VIR_DOMAIN_SHUTOFF && state != VIR_DOMAIN_NOSTATE;
}

// Runs call in the pool and hands its future to done in receiver's thread;
// nothing arrives once receiver is gone.
template<typename Result, typename Call, typename Done>
QFuture<Result> runInPool(QObject *receiver, Call call, Done done)
{
    QFuture<Result> future = runPooled(modelWorkerPool(), std::move(call));
    auto *watcher = new QFutureWatcher<Result>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, done = std::move(done)] {
                         watcher->deleteLater();
                         done(watcher->future());
                     });
    watcher->setFuture(future);
    return future;
}

} // namespace

void DomainTracker::cancelRead(Tracked &tracked)
{
    if (tracked.read)
        tracked.read->cancel();
}

DomainTracker::DomainTracker(QVirtConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    // Listening first queues the registration of libvirt's callback before
    // the listing below, which waits for it; this thread does not, under
    // QVirtDomainModel::addConnection()'s UnwaitedSyncs.
    Q_ASSERT(QVirtConnectionPrivate::get(connection)->unwaitedSyncs > 0);
    connect(connection, &QVirtConnection::domainLifecycle, this,
            [this](const QVirtDomainRef &domain, QVirtEvents::DomainEvent event, int) {
                handleLifecycle(domain, event);
            });
    connect(connection, &QVirtConnection::stateChanged, this, &DomainTracker::handleStateChanged);
    // Also after a reconnect: the events in between are lost.
    connect(connection, &QVirtConnection::opened, this, &DomainTracker::resynchronise);
    if (connection->isOpen())
        resynchronise();
}

DomainTracker::~DomainTracker()
{
    stopListing();
    for (Tracked &tracked : m_domains)
        cancelRead(tracked);
}

void DomainTracker::handleLifecycle(const QVirtDomainRef &domain, QVirtEvents::DomainEvent event)
{
    using Event = QVirtEvents::DomainEvent;
    const QUuid uuid = domain.uuid();
    if (m_awaitingListed)
        m_touchedWhileListing.insert(uuid);
    // Its own read follows, newer than the listing's details and flags.
    m_awaitingDetails.remove(uuid);
    const bool flagsUnknown = m_awaitingFlags.remove(uuid);
    const auto found = m_domains.constFind(uuid);
    const bool known = found != m_domains.cend();
    if (!known && (event == Event::Undefined || event == Event::Stopped))
        return;

    DomainEntry entry = known ? found->entry : DomainEntry{};
    entry.name = domain.name();
    entry.uuid = uuid;
    entry.id = domain.id();
    switch (event) {
    case Event::Defined:
        entry.persistent = true;
        if (!known)
            entry.state = VIR_DOMAIN_SHUTOFF;
        break;
    case Event::Undefined:
        if (!isActive(entry.state)) {
            remove(uuid);
            return;
        }
        // A running domain stays, now transient.
        entry.persistent = false;
        entry.autostart = false;
        break;
    case Event::Started:
    case Event::Resumed:
        entry.state = VIR_DOMAIN_RUNNING;
        break;
    case Event::Suspended:
        entry.state = VIR_DOMAIN_PAUSED;
        break;
    case Event::Stopped:
        if (!entry.persistent && !flagsUnknown) {
            remove(uuid);
            return;
        }
        // A transient domain whose flags the listing has not brought yet
        // may be gone, or a persistent one shut off: its read tells. So
        // may one the flags took for persistent because it was gone before
        // they were read (they name the transient domains, not these).
        entry.state = VIR_DOMAIN_SHUTOFF;
        entry.id = -1;
        break;
    case Event::Shutdown:
        break; // the guest is shutting down; Stopped follows
    case Event::PMSuspended:
        entry.state = VIR_DOMAIN_PMSUSPENDED;
        break;
    case Event::Crashed:
        entry.state = VIR_DOMAIN_CRASHED;
        break;
    }
    store(entry);

    Tracked &tracked = m_domains[uuid];
    tracked.eventSeq = ++m_lastSeq;
    tracked.removeIfGone = event == Event::Stopped;
    if (tracked.readSeq == 0)
        startRead(tracked);
}

void DomainTracker::handleStateChanged(QVirtConnection::State state)
{
    // While it reconnects the rows stay, so a view does not flicker; the
    // listing after the reconnect corrects them.
    if (state != QVirtConnection::State::Closed)
        return;
    stopListing();
    removeAll();
}

void DomainTracker::resynchronise()
{
    // The previous connection's listing, if any, is stale already.
    stopListing();
    QVirtConnectionPrivate::get(m_connection)->afterRegistrations([self = QPointer(this)] {
        if (self)
            self->startListing();
    });
}

void DomainTracker::startListing()
{
    const ConnectionHandle conn = shareConnection(m_connection->handle());
    if (!conn)
        return;
    stopListing();
    m_awaitingListed = true;
    auto promise = std::make_shared<QPromise<DomainReader::ListingStep>>();
    m_listing = new ListingWatcher(this);
    ListingWatcher *const watcher = m_listing;
    connect(watcher, &QFutureWatcherBase::resultReadyAt, this, [this, watcher](int index) {
        const DomainReader::ListingStep step = watcher->future().resultAt(index);
        switch (step.kind) {
        case DomainReader::ListingStep::Listed:
            applyListing(step);
            break;
        case DomainReader::ListingStep::Flags:
            applyFlags(step);
            break;
        case DomainReader::ListingStep::Details:
            applyDetails(step.entries);
            break;
        case DomainReader::ListingStep::Failed:
            // A connection that broke meanwhile says so itself, and lists
            // again when it opens.
            if (m_connection->state() == QVirtConnection::State::Open)
                Q_EMIT listingFailed(step.failure);
            break;
        }
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        // Without a Listed step the connection broke (its next open lists
        // again) or the daemon refused the listing (a Failed step said so).
        if (m_listing == watcher)
            stopListing();
    });
    promise->start();
    watcher->setFuture(promise->future());
    modelWorkerPool()->start([promise, conn] {
        enterModelWorker();
        DomainReader::listAll(conn, promise, modelWorkerPool());
    });
}

void DomainTracker::stopListing()
{
    if (!m_listing)
        return;
    // Nothing of it arrives any more, and its remaining reads are skipped.
    m_listing->disconnect(this);
    m_listing->future().cancel();
    m_listing->deleteLater();
    m_listing = nullptr;
    m_awaitingListed = false;
    m_touchedWhileListing.clear();
    m_awaitingDetails.clear();
    m_awaitingFlags.clear();
}

void DomainTracker::applyListing(const DomainReader::ListingStep &listing)
{
    const QList<DomainEntry> &entries = listing.entries;
    m_awaitingListed = false;
    const QSet<QUuid> touched = std::exchange(m_touchedWhileListing, {});
    QList<DomainEntry> changed;
    QSet<QUuid> listed;
    listed.reserve(entries.size());
    for (const DomainEntry &entry : entries) {
        listed.insert(entry.uuid);
        if (touched.contains(entry.uuid))
            continue;
        const auto found = m_domains.find(entry.uuid);
        if (found != m_domains.end()) {
            // The listing is at least as new as a read that started
            // before it.
            cancelRead(*found);
            found->readSeq = 0;
        }
        // The flags come with the Flags step; until then what is known of
        // them stays.
        DomainEntry merged = entry;
        m_awaitingFlags.insert(entry.uuid);
        if (found != m_domains.end()) {
            merged.persistent = found->entry.persistent;
            merged.autostart = found->entry.autostart;
        }
        // The whole-connection calls lacked them (see listAll()): what is
        // known of them stays until the Details step brings them.
        if (listing.lacking.contains(entry.uuid)) {
            m_awaitingDetails.insert(entry.uuid);
            if (found != m_domains.end()) {
                merged.memoryKiB = found->entry.memoryKiB;
                merged.vcpus = found->entry.vcpus;
            }
        }
        if (record(merged))
            changed.append(merged);
    }
    if (!changed.isEmpty())
        Q_EMIT domainsUpdated(changed);
    const QList<QUuid> known = m_domains.keys();
    for (const QUuid &uuid : known) {
        if (!listed.contains(uuid) && !touched.contains(uuid))
            remove(uuid);
    }
}

void DomainTracker::applyFlags(const DomainReader::ListingStep &step)
{
    QList<DomainEntry> changed;
    // Those with an event since have a read of their own, at least as new.
    const QSet<QUuid> awaiting = std::exchange(m_awaitingFlags, {});
    for (const QUuid &uuid : awaiting) {
        const auto found = m_domains.constFind(uuid);
        if (found == m_domains.cend())
            continue;
        DomainEntry entry = found->entry;
        entry.persistent = step.flags.isPersistent(uuid);
        entry.autostart = step.flags.isAutostart(uuid);
        if (record(entry))
            changed.append(entry);
    }
    if (!changed.isEmpty())
        Q_EMIT domainsUpdated(changed);
}

void DomainTracker::applyDetails(const QList<DomainEntry> &entries)
{
    QList<DomainEntry> changed;
    for (const DomainEntry &details : entries) {
        if (!m_awaitingDetails.remove(details.uuid))
            continue; // an event came since, and a read of its own
        const auto found = m_domains.constFind(details.uuid);
        if (found == m_domains.cend())
            continue;
        DomainEntry entry = found->entry;
        entry.memoryKiB = details.memoryKiB;
        entry.vcpus = details.vcpus;
        if (record(entry))
            changed.append(entry);
    }
    if (!changed.isEmpty())
        Q_EMIT domainsUpdated(changed);
}

QList<DomainEntry> DomainTracker::refreshFromStatistics(
    const QHash<QUuid, DomainStatistics::Counters> &counters)
{
    QList<DomainEntry> changed;
    if (m_awaitingListed)
        return changed;
    for (auto each = counters.cbegin(); each != counters.cend(); ++each) {
        const auto found = m_domains.find(each.key());
        if (found == m_domains.end() || found->readSeq != 0)
            continue;
        const DomainStatistics::Counters &read = each.value();
        if (!read.memoryKiB && !read.vcpus)
            continue; // the test driver's statistics: state only
        DomainEntry entry = found->entry;
        if (read.memoryKiB)
            entry.memoryKiB = *read.memoryKiB;
        if (read.vcpus)
            entry.vcpus = *read.vcpus;
        if (read.memoryKiB && read.vcpus)
            m_awaitingDetails.remove(entry.uuid);
        if (record(entry))
            changed.append(entry);
    }
    return changed;
}

void DomainTracker::startRead(Tracked &tracked)
{
    const ConnectionHandle conn = shareConnection(m_connection->handle());
    if (!conn)
        return;
    const QUuid uuid = tracked.entry.uuid;
    const quint64 seq = tracked.eventSeq;
    tracked.readSeq = seq;
    tracked.read = runInPool<DomainReader::DomainRead>(
        this, [conn, uuid] { return DomainReader::readByUuid(conn.get(), uuid); },
        [this, uuid, seq](const Read &read) { finishRead(uuid, seq, read); });
}

void DomainTracker::finishRead(const QUuid &uuid, quint64 seq, const Read &read)
{
    const auto found = m_domains.find(uuid);
    if (found == m_domains.end() || found->readSeq != seq)
        return; // removed, or replaced by a listing
    found->readSeq = 0;
    found->read.reset();
    if (found->eventSeq != seq) {
        // An event came while it ran: the read may predate it.
        startRead(*found);
        return;
    }
    // Nothing when the domain is gone: its Undefined event is on the way,
    // unless it stopped, which a transient domain does without one. Nothing
    // either when the read failed otherwise: a connection that broke lists
    // again when it opens.
    if (read.isCanceled())
        return;
    const DomainReader::DomainRead result = read.result();
    if (result.entry)
        store(*result.entry);
    else if (result.gone && found->removeIfGone)
        remove(uuid);
}

bool DomainTracker::record(const DomainEntry &entry)
{
    const auto found = m_domains.find(entry.uuid);
    if (found == m_domains.end()) {
        m_domains.insert(entry.uuid, Tracked{entry, 0, 0, std::nullopt, false});
        return true;
    }
    if (found->entry == entry)
        return false;
    found->entry = entry;
    return true;
}

void DomainTracker::store(const DomainEntry &entry)
{
    if (record(entry))
        Q_EMIT domainsUpdated({entry});
}

void DomainTracker::remove(const QUuid &uuid)
{
    const auto found = m_domains.find(uuid);
    if (found == m_domains.end())
        return;
    cancelRead(*found);
    m_domains.erase(found);
    m_awaitingDetails.remove(uuid);
    Q_EMIT domainRemoved(uuid);
}

void DomainTracker::removeAll()
{
    const QList<QUuid> known = m_domains.keys();
    for (const QUuid &uuid : known)
        remove(uuid);
}
