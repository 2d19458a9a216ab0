// SPDX-License-Identifier: LGPL-2.1-or-later
#include "domaintableproxy.h"

#include "stateicons.h"

#include <QtVirt/QVirtDomainModel>

DomainTableProxy::DomainTableProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(QVirtDomainModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // A row changes state and figures all the time: keep the order and the
    // filter current without the user sorting again.
    setDynamicSortFilter(true);
}

void DomainTableProxy::setBusy(const QString &uuid, const QString &what)
{
    if (what.isEmpty()) {
        if (m_busy.remove(uuid) == 0)
            return;
    } else {
        m_busy.insert(uuid, what);
    }
    uuidChanged(uuid);
}

bool DomainTableProxy::isBusy(const QString &uuid) const
{
    return m_busy.contains(uuid);
}

QVariant DomainTableProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == BusyRole)
        return isBusy(index.data(QVirtDomainModel::UuidRole).toString());
    if (index.column() != QVirtDomainModel::StateColumn
        || (role != Qt::DisplayRole && role != Qt::DecorationRole))
        return QSortFilterProxyModel::data(index, role);
    const auto busy = m_busy.constFind(index.data(QVirtDomainModel::UuidRole).toString());
    if (role == Qt::DisplayRole)
        return busy != m_busy.cend() ? *busy : QSortFilterProxyModel::data(index, role);
    if (busy != m_busy.cend())
        return StateIcons::busy();
    return StateIcons::domainState(
        QVirtDomainModel::State(index.data(QVirtDomainModel::StateRole).toInt()));
}

void DomainTableProxy::uuidChanged(const QString &uuid)
{
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex state = index(row, QVirtDomainModel::StateColumn);
        if (state.data(QVirtDomainModel::UuidRole).toString() == uuid)
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}
