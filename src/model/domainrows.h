// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_DOMAINROWS_H
#define QTVIRT_MODEL_DOMAINROWS_H

#include "model/domainentry.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QMap>

class DomainStatsPoller;
class DomainTracker;

// The rows of one connection in QVirtDomainModel, in their order (by name,
// regardless of case, then by UUID), and the domains waiting to become
// rows. Finding a domain's row costs a hash look-up and a binary search,
// so that a batch of a thousand changes does not scan ten thousand rows
// for each. Only data: the model announces every change to its views.
class DomainRows
{
public:
    explicit DomainRows(DomainTracker *tracker)
        : m_tracker(tracker)
    { }

    DomainTracker *tracker() const { return m_tracker; }
    // The statistics of the connection's domains; set once, after creation.
    DomainStatsPoller *statsPoller() const { return m_statsPoller; }
    void setStatsPoller(DomainStatsPoller *poller) { m_statsPoller = poller; }

    int size() const { return static_cast<int>(m_rows.size()); }
    const DomainEntry &at(int row) const { return m_rows.at(row); }
    // -1 when the domain has no row.
    int indexOf(const QUuid &uuid) const;
    // Replaces the entry of row, which keeps its name.
    void replace(int row, const DomainEntry &entry);
    void removeAt(int row);

    // Pending domains: known, but not inserted yet. add() replaces a
    // pending entry of the same UUID.
    void addPending(const DomainEntry &entry);
    bool removePending(const QUuid &uuid);
    bool isPending(const QUuid &uuid) const { return m_pendingKeys.contains(uuid); }
    bool hasPending() const { return !m_pending.isEmpty(); }
    // Takes up to max pending entries that belong together before one
    // row (or at the end), in order, and returns where they go.
    int takePendingRun(int max, QList<DomainEntry> *run);
    // Inserts run, as takePendingRun() returned it, at row.
    void insertRun(int row, const QList<DomainEntry> &run);

private:
    // A domain's place: its name folded to one case once, so that each of
    // the thousands of comparisons a listing makes is a plain comparison
    // of two strings rather than a folding of both, character by
    // character (nearly a quarter of the GUI thread's time listing ten hosts
    // of a thousand domains, BENCHMARKS.md). Usually the name itself, shared.
    struct Key
    {
        QString foldedName;
        QUuid uuid;
        friend bool operator<(const Key &a, const Key &b)
        {
            const int byName = a.foldedName.compare(b.foldedName);
            return byName != 0 ? byName < 0 : a.uuid < b.uuid;
        }
    };
    static Key keyOf(const DomainEntry &entry)
    {
        return Key{entry.name.toCaseFolded(), entry.uuid};
    }
    // Where key belongs among the rows.
    int insertionPoint(const Key &key) const;

    DomainTracker *const m_tracker;
    DomainStatsPoller *m_statsPoller = nullptr;
    QList<DomainEntry> m_rows;
    QList<Key> m_rowKeys;                // m_rows' keys, in the same order
    QHash<QUuid, QString> m_foldedNames; // of the rows
    QMap<Key, DomainEntry> m_pending;
    QHash<QUuid, Key> m_pendingKeys;
};

#endif // QTVIRT_MODEL_DOMAINROWS_H
