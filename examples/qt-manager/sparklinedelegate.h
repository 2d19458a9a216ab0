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
    // The scale's top is at least floor (100 for CPU %) and, with a
    // scaleRole, that role's value of the row (the memory a domain has,
    // for the memory it uses), so that a steady figure is not drawn as a
    // full cell.
    SparklineDelegate(const StatsHistory *history, double floor, int scaleRole = -1,
                      QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    const StatsHistory *const m_history;
    const double m_floor;
    const int m_scaleRole;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_SPARKLINEDELEGATE_H
