// SPDX-License-Identifier: LGPL-2.1-or-later
#include "statshistory.h"

#include <QtVirt/QVirtDomainModel>

#include <QtCore/QAbstractItemModel>

namespace {

// Lifecycle events change rows between two statistics answers; a sample
// closer than this to the last one would crowd the line.
constexpr qint64 MinimumSpacingMs = 500;

} // namespace

StatsHistory::StatsHistory(QAbstractItemModel *model, int role, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_role(role)
{
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                sample(topLeft.row(), bottomRight.row());
            });
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                for (int row = first; row <= last; ++row)
                    m_series.remove(
                        m_model->index(row, 0).data(QVirtDomainModel::UuidRole).toString());
            });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_series.clear(); });
}

QList<double> StatsHistory::samples(const QString &uuid) const
{
    return m_series.value(uuid).values;
}

void StatsHistory::sample(int firstRow, int lastRow)
{
    for (int row = firstRow; row <= lastRow; ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const QVariant value = index.data(m_role);
        const QString uuid = index.data(QVirtDomainModel::UuidRole).toString();
        if (!value.isValid()) {
            // Statistics off, or the domain stopped: the line starts anew.
            m_series.remove(uuid);
            continue;
        }
        Series &series = m_series[uuid];
        if (series.lastSample.isValid() && series.lastSample.elapsed() < MinimumSpacingMs)
            continue;
        series.lastSample.start();
        series.values.append(value.toDouble());
        if (series.values.size() > MaximumSamples)
            series.values.removeFirst();
    }
}
