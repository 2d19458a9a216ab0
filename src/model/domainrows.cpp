// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domainrows.h"

#include <algorithm>

int DomainRows::indexOf(const QUuid &uuid) const
{
    const auto name = m_names.constFind(uuid);
    if (name == m_names.cend())
        return -1;
    const Key key{*name, uuid};
    const auto at = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), key,
        [](const DomainEntry &entry, const Key &wanted) { return keyOf(entry) < wanted; });
    if (at == m_rows.cend() || at->uuid != uuid)
        return -1;
    return static_cast<int>(at - m_rows.cbegin());
}

void DomainRows::replace(int row, const DomainEntry &entry)
{
    Q_ASSERT(m_rows.at(row).name == entry.name && m_rows.at(row).uuid == entry.uuid);
    m_rows[row] = entry;
}

void DomainRows::removeAt(int row)
{
    m_names.remove(m_rows.at(row).uuid);
    m_rows.removeAt(row);
}

void DomainRows::addPending(const DomainEntry &entry)
{
    removePending(entry.uuid);
    const Key key = keyOf(entry);
    m_pending.insert(key, entry);
    m_pendingKeys.insert(entry.uuid, key);
}

bool DomainRows::removePending(const QUuid &uuid)
{
    const auto key = m_pendingKeys.constFind(uuid);
    if (key == m_pendingKeys.cend())
        return false;
    m_pending.remove(*key);
    m_pendingKeys.erase(key);
    return true;
}

int DomainRows::takePendingRun(int max, QList<DomainEntry> *run)
{
    run->clear();
    if (m_pending.isEmpty())
        return -1;
    const int row = insertionPoint(m_pending.first());
    const bool atEnd = row == size();
    auto next = m_pending.begin();
    while (next != m_pending.end() && run->size() < max
           && (atEnd || next.key() < keyOf(m_rows.at(row)))) {
        run->append(next.value());
        m_pendingKeys.remove(next.value().uuid);
        next = m_pending.erase(next);
    }
    return row;
}

void DomainRows::insertRun(int row, const QList<DomainEntry> &run)
{
    m_rows.insert(row, run.size(), DomainEntry());
    std::copy(run.cbegin(), run.cend(), m_rows.begin() + row);
    for (const DomainEntry &entry : run)
        m_names.insert(entry.uuid, entry.name);
}

int DomainRows::insertionPoint(const DomainEntry &entry) const
{
    const Key key = keyOf(entry);
    const auto at = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), key,
        [](const DomainEntry &row, const Key &wanted) { return keyOf(row) < wanted; });
    return static_cast<int>(at - m_rows.cbegin());
}
