// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_STATSHISTORY_H
#define QTVIRT_EXAMPLES_QTMANAGER_STATSHISTORY_H

#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QObject>

class QAbstractItemModel;

// The last samples of one statistics role (QVirtDomainModel::CpuPercentRole
// and the like) of each domain, by UUID, for the sparklines. It samples
// when the model reports new figures (statsInterval), with no timer of its
// own.
class StatsHistory : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaximumSamples = 60;

    StatsHistory(QAbstractItemModel *model, int role, QObject *parent = nullptr);

    QList<double> samples(const QString &uuid) const;

private:
    void sample(int firstRow, int lastRow);

    QAbstractItemModel *const m_model;
    const int m_role;
    struct Series
    {
        QList<double> values;
        QElapsedTimer lastSample;
    };
    QHash<QString, Series> m_series;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_STATSHISTORY_H
