// SPDX-License-Identifier: LGPL-2.1-or-later
#include "historygraph.h"

#include <QtGui/QPainter>
#include <QtGui/QPainterPath>

#include <algorithm>
#include <utility>

HistoryGraph::HistoryGraph(const QString &title, std::function<QString(double)> format,
                           double fixedMaximum, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_format(std::move(format))
    , m_fixedMaximum(fixedMaximum)
{
    setMinimumHeight(70);
}

void HistoryGraph::setSamples(const QList<double> &samples, int capacity)
{
    m_samples = samples;
    m_capacity = std::max(2, capacity);
    update();
}

QSize HistoryGraph::sizeHint() const
{
    return QSize(300, 90);
}

void HistoryGraph::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QString latest = m_samples.isEmpty() ? tr("no data") : m_format(m_samples.constLast());
    const QFontMetrics metrics(font());
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QPointF(0, metrics.ascent()), tr("%1: %2").arg(m_title, latest));

    const QRectF plot = QRectF(rect()).adjusted(0.5, metrics.height() + 4.5, -0.5, -0.5);
    painter.fillRect(plot, palette().color(QPalette::Base));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(plot);
    if (m_samples.size() < 2)
        return;
    double maximum = m_fixedMaximum;
    if (maximum <= 0)
        maximum = std::max(1.0, *std::max_element(m_samples.cbegin(), m_samples.cend()));
    const double step = plot.width() / (m_capacity - 1);
    const double firstX = plot.right() - step * double(m_samples.size() - 1);
    QPainterPath line;
    for (int i = 0; i < m_samples.size(); ++i) {
        const double fraction = std::clamp(m_samples.at(i) / maximum, 0.0, 1.0);
        const QPointF point(firstX + step * i, plot.bottom() - fraction * (plot.height() - 2));
        if (i == 0)
            line.moveTo(point);
        else
            line.lineTo(point);
    }
    painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    painter.drawPath(line);
}
