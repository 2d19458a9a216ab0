// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_SPARKLINEDELEGATE_H
#define QTVIRT_EXAMPLES_QTMANAGER_SPARKLINEDELEGATE_H

#include <QtWidgets/QStyledItemDelegate>

class StatsHistory;

// Draws a cell's text over a small line of its domain's recent figures.
class SparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // floor: the scale's least top, for example 100 for CPU %.
    SparklineDelegate(const StatsHistory *history, double floor, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    const StatsHistory *const m_history;
    const double m_floor;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_SPARKLINEDELEGATE_H
