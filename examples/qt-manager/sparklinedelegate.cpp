// SPDX-License-Identifier: LGPL-2.1-or-later
#include "sparklinedelegate.h"

#include "statshistory.h"

#include <QtVirt/QVirtDomainModel>

#include <QtGui/QPainter>
#include <QtGui/QPainterPath>

#include <algorithm>

SparklineDelegate::SparklineDelegate(const StatsHistory *history, double floor, int scaleRole,
                                     QObject *parent)
    : QStyledItemDelegate(parent)
    , m_history(history)
    , m_floor(floor)
    , m_scaleRole(scaleRole)
{ }

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const QList<double> samples
        = m_history->samples(index.data(QVirtDomainModel::UuidRole).toString());
    if (samples.size() >= 2) {
        double top = std::max(m_floor, *std::max_element(samples.cbegin(), samples.cend()));
        if (m_scaleRole >= 0)
            top = std::max(top, index.data(m_scaleRole).toDouble());
        const QRectF area = QRectF(option.rect).adjusted(2, 3, -2, -3);
        const double step = area.width() / (StatsHistory::MaximumSamples - 1);
        // Right-aligned: the newest sample at the right edge.
        const double left = area.right() - step * double(samples.size() - 1);
        QPainterPath line;
        for (int i = 0; i < samples.size(); ++i) {
            const QPointF point(left + step * i,
                                area.bottom() - area.height() * (samples.at(i) / top));
            if (i == 0)
                line.moveTo(point);
            else
                line.lineTo(point);
        }
        QPainterPath fill = line;
        fill.lineTo(area.right(), area.bottom());
        fill.lineTo(left, area.bottom());
        fill.closeSubpath();
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor colour = option.palette.color(QPalette::Highlight);
        colour.setAlpha(60);
        painter->fillPath(fill, colour);
        colour.setAlpha(200);
        painter->setPen(QPen(colour, 1.5));
        painter->drawPath(line);
        painter->restore();
    }
    QStyledItemDelegate::paint(painter, option, index);
}
