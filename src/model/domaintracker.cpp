// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domaintracker.h"

#include "connection/connectionhandle.h"
#include "model/domainreader.h"
#include "model/modelworkerpool.h"
#include "model/pooledcall.h"

#include <QtCore/QFutureWatcher>

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

DomainTracker::DomainTracker(QVirtConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    // Listening first registers libvirt's callback before the listing below
    // starts, so no change can fall between the two.
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
    for (Tracked &tracked : m_domains)
        tracked.read.cancel();
}

void DomainTracker::handleLifecycle(const QVirtDomainRef &domain, QVirtEvents::DomainEvent event)
{
    using Event = QVirtEvents::DomainEvent;
    const QUuid uuid = domain.uuid();
    if (m_listing)
        m_touchedWhileListing.insert(uuid);
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
        if (!entry.persistent) {
            remove(uuid);
            return;
        }
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
    if (tracked.readSeq == 0)
        startRead(tracked);
}

void DomainTracker::handleStateChanged(QVirtConnection::State state)
{
    // While it reconnects the rows stay, so a view does not flicker; the
    // listing after the reconnect corrects them.
    if (state != QVirtConnection::State::Closed)
        return;
    ++m_listingGeneration;
    m_listing = false;
    m_touchedWhileListing.clear();
    removeAll();
}

void DomainTracker::resynchronise()
{
    const ConnectionHandle conn = shareConnection(m_connection->handle());
    if (!conn)
        return;
    const quint64 generation = ++m_listingGeneration;
    m_listing = true;
    m_touchedWhileListing.clear();
    runInPool<std::optional<QList<DomainEntry>>>(
        this, [conn] { return DomainReader::readAll(conn.get()); },
        [this, generation](const Listing &listing) { applyListing(generation, listing); });
}

void DomainTracker::applyListing(quint64 generation, const Listing &listing)
{
    if (generation != m_listingGeneration)
        return; // superseded by a later open, or closed meanwhile
    m_listing = false;
    const QSet<QUuid> touched = std::exchange(m_touchedWhileListing, {});
    if (listing.isCanceled())
        return;
    const std::optional<QList<DomainEntry>> entries = listing.result();
    if (!entries)
        return; // the connection broke; its next open lists again
    QSet<QUuid> listed;
    for (const DomainEntry &entry : *entries) {
        listed.insert(entry.uuid);
        if (touched.contains(entry.uuid))
            continue;
        const auto found = m_domains.find(entry.uuid);
        if (found != m_domains.end()) {
            // The listing is at least as new as a read that started
            // before it.
            found->read.cancel();
            found->readSeq = 0;
        }
        store(entry);
    }
    const QList<QUuid> known = m_domains.keys();
    for (const QUuid &uuid : known) {
        if (!listed.contains(uuid) && !touched.contains(uuid))
            remove(uuid);
    }
}

void DomainTracker::startRead(Tracked &tracked)
{
    const ConnectionHandle conn = shareConnection(m_connection->handle());
    if (!conn)
        return;
    const QUuid uuid = tracked.entry.uuid;
    const quint64 seq = tracked.eventSeq;
    tracked.readSeq = seq;
    tracked.read = runInPool<std::optional<DomainEntry>>(
        this, [conn, uuid] { return DomainReader::readByUuid(conn.get(), uuid); },
        [this, uuid, seq](const Read &read) { finishRead(uuid, seq, read); });
}

void DomainTracker::finishRead(const QUuid &uuid, quint64 seq, const Read &read)
{
    const auto found = m_domains.find(uuid);
    if (found == m_domains.end() || found->readSeq != seq)
        return; // removed, or replaced by a listing
    found->readSeq = 0;
    found->read = Read();
    if (found->eventSeq != seq) {
        // An event came while it ran: the read may predate it.
        startRead(*found);
        return;
    }
    // Nothing when the domain is gone: its Undefined event is on the way.
    if (read.isCanceled())
        return;
    if (const std::optional<DomainEntry> entry = read.result())
        store(*entry);
}

void DomainTracker::store(const DomainEntry &entry)
{
    const auto found = m_domains.find(entry.uuid);
    if (found == m_domains.end()) {
        m_domains.insert(entry.uuid, Tracked{entry, 0, 0, Read()});
    } else if (found->entry != entry) {
        found->entry = entry;
    } else {
        return;
    }
    Q_EMIT domainUpdated(entry);
}

void DomainTracker::remove(const QUuid &uuid)
{
    const auto found = m_domains.find(uuid);
    if (found == m_domains.end())
        return;
    found->read.cancel();
    m_domains.erase(found);
    Q_EMIT domainRemoved(uuid);
}

void DomainTracker::removeAll()
{
    const QList<QUuid> known = m_domains.keys();
    for (const QUuid &uuid : known)
        remove(uuid);
}
