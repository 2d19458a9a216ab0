// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domainrows.h"

#include <algorithm>

int DomainRows::indexOf(const QUuid &uuid) const
{
    const auto foldedName = m_foldedNames.constFind(uuid);
    if (foldedName == m_foldedNames.cend())
        return -1;
    const Key key{*foldedName, uuid};
    const auto at = std::lower_bound(m_rowKeys.cbegin(), m_rowKeys.cend(), key);
    if (at == m_rowKeys.cend() || at->uuid != uuid)
        return -1;
    return static_cast<int>(at - m_rowKeys.cbegin());
}

void DomainRows::replace(int row, const DomainEntry &entry)
{
    Q_ASSERT(m_rows.at(row).name == entry.name && m_rows.at(row).uuid == entry.uuid);
    m_rows[row] = entry;
}

void DomainRows::removeAt(int row)
{
    m_foldedNames.remove(m_rows.at(row).uuid);
    m_rows.removeAt(row);
    m_rowKeys.removeAt(row);
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
    const int row = insertionPoint(m_pending.firstKey());
    const bool atEnd = row == size();
    auto next = m_pending.begin();
    while (next != m_pending.end() && run->size() < max
           && (atEnd || next.key() < m_rowKeys.at(row))) {
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
    m_rowKeys.insert(row, run.size(), Key());
    std::transform(run.cbegin(), run.cend(), m_rowKeys.begin() + row, keyOf);
    for (qsizetype i = row; i < row + run.size(); ++i)
        m_foldedNames.insert(m_rowKeys.at(i).uuid, m_rowKeys.at(i).foldedName);
}

int DomainRows::insertionPoint(const Key &key) const
{
    const auto at = std::lower_bound(m_rowKeys.cbegin(), m_rowKeys.cend(), key);
    return static_cast<int>(at - m_rowKeys.cbegin());
}
