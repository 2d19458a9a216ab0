// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_HISTORYGRAPH_H
#define QTVIRT_EXAMPLES_QTMANAGER_HISTORYGRAPH_H

#include <QtCore/QList>
#include <QtWidgets/QWidget>

#include <functional>

// A titled line graph of the last samples of one figure, newest on the
// right, with the newest value written out. The scale is fixed (a
// percentage) or follows the largest sample shown.
class HistoryGraph : public QWidget
{
    Q_OBJECT

public:
    // format turns a sample into the text shown with the title.
    HistoryGraph(const QString &title, std::function<QString(double)> format,
                 double fixedMaximum = 0, QWidget *parent = nullptr);

    void setSamples(const QList<double> &samples, int capacity);
    QList<double> samples() const { return m_samples; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    const QString m_title;
    const std::function<QString(double)> m_format;
    const double m_fixedMaximum;
    QList<double> m_samples;
    int m_capacity = 1;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_HISTORYGRAPH_H
