// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_DOMAINTRACKER_H
#define QTVIRT_MODEL_DOMAINTRACKER_H

#include "model/domainentry.h"
#include "model/domainreader.h"
#include "model/domainstatistics.h"

#include <QtVirt/QVirtConnection>

#include <QtCore/QFuture>
#include <QtCore/QFutureWatcher>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>

#include <optional>

// The domains of one connection, kept current by its events alone.
//
// A lifecycle event changes the entry at once, as far as the event tells
// (a domain defined, started, paused, stopped...), so a view follows within
// the event's own loop pass; then a read in modelWorkerPool() fills in what
// only libvirt knows (memory, vCPUs, autostart). Every event gives the
// domain a new sequence number and a read applies only if no event came
// after it started: a late read never overwrites newer state. One read per
// domain runs at a time; the next starts when it ends.
//
// Every open, reconnects included, lists all domains again (in the pool,
// with a few calls for the whole connection: see DomainReader::listAll()),
// and reports them in one batch as soon as the first call answers; their
// persistent and autostart flags follow in a second batch. Domains with
// events during that listing keep what their events said.
class DomainTracker : public QObject
{
    Q_OBJECT

public:
    explicit DomainTracker(QVirtConnection *connection, QObject *parent = nullptr);
    ~DomainTracker() override;

    QVirtConnection *connection() const { return m_connection; }

    // Takes memory and vCPUs, which have no events, from a statistics
    // sample, and returns the entries that changed, without domainsUpdated():
    // the model announces them with the sample's figures. A domain with a
    // read of its own running, or with a listing running, keeps its values:
    // those are at least as new.
    QList<DomainEntry> refreshFromStatistics(
        const QHash<QUuid, DomainStatistics::Counters> &counters);

Q_SIGNALS:
    // New domains and changes of known ones, in no particular order.
    void domainsUpdated(const QList<DomainEntry> &entries);
    void domainRemoved(const QUuid &uuid);
    // Listing the domains, or which are persistent and autostarted, failed
    // on an open connection, with libvirt's message.
    void listingFailed(const QString &message);

private:
    using Read = QFuture<DomainReader::DomainRead>;
    using ListingWatcher = QFutureWatcher<DomainReader::ListingStep>;

    struct Tracked
    {
        DomainEntry entry;
        quint64 eventSeq = 0; // of the last event
        quint64 readSeq = 0;  // eventSeq when the running read started; 0: none
        // Only while one runs: a default QFuture allocates a shared state,
        // which for ten thousand domains is memory and time for nothing.
        std::optional<Read> read;
        // Stopped: kept as shut off until its read says whether it still
        // exists (a transient domain is gone without an Undefined event).
        bool removeIfGone = false;
    };

    static void cancelRead(Tracked &tracked);
    void handleLifecycle(const QVirtDomainRef &domain, QVirtEvents::DomainEvent event);
    void handleStateChanged(QVirtConnection::State state);
    // Lists the domains anew once the callbacks this tracker listens
    // through are registered (startListing()): a change between the listing
    // and the registration would be lost.
    void resynchronise();
    void startListing();
    void stopListing();
    void applyListing(const DomainReader::ListingStep &listing);
    void applyFlags(const DomainReader::ListingStep &flags);
    void applyDetails(const QList<DomainEntry> &entries);
    void startRead(Tracked &tracked);
    void finishRead(const QUuid &uuid, quint64 seq, const Read &read);
    // Records entry; true when it is new or changed.
    bool record(const DomainEntry &entry);
    void store(const DomainEntry &entry);
    void remove(const QUuid &uuid);
    void removeAll();

    QVirtConnection *const m_connection;
    QHash<QUuid, Tracked> m_domains;
    quint64 m_lastSeq = 0;
    ListingWatcher *m_listing = nullptr; // the running listing, until it ends
    bool m_awaitingListed = false;       // its Listed step has not come yet
    QSet<QUuid> m_touchedWhileListing;
    // Listed without memory and vCPUs, and no event since: the listing's
    // Details step may fill them in.
    QSet<QUuid> m_awaitingDetails;
    // Listed without persistent and autostart, and no event since: the
    // listing's Flags step fills them in.
    QSet<QUuid> m_awaitingFlags;
};

#endif // QTVIRT_MODEL_DOMAINTRACKER_H
