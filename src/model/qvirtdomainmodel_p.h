// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_QVIRTDOMAINMODEL_P_H
#define QTVIRT_MODEL_QVIRTDOMAINMODEL_P_H

#include "model/domainentry.h"

#include <QtVirt/qvirtdomainmodel.h>

#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QUuid>

class DomainTracker;

class QVirtDomainModelPrivate
{
    Q_DECLARE_PUBLIC(QVirtDomainModel)

public:
    explicit QVirtDomainModelPrivate(QVirtDomainModel *q)
        : q_ptr(q)
    { }

    struct Row
    {
        DomainTracker *tracker;
        DomainEntry entry;
    };

    void handleUpdated(DomainTracker *tracker, const DomainEntry &entry);
    void handleRemoved(DomainTracker *tracker, const QUuid &uuid);
    void insertRow(const Row &row);
    void removeRowAt(int row);
    void removeTracker(DomainTracker *tracker);
    void connectionInfoChanged(DomainTracker *tracker);
    int rowOf(const DomainTracker *tracker, const QUuid &uuid) const;
    bool run(int row, QVirtDomainModel::Action action);
    void report(QVirtDomainModel::Action action, const DomainEntry &entry,
                const QFuture<void> &future);
    // Emits dataChanged() for rows first to last, every column.
    void rowsChanged(int first, int last, const QList<int> &roles);

    QVirtDomainModel *const q_ptr;
    QList<DomainTracker *> trackers;
    QList<Row> rows;
};

#endif // QTVIRT_MODEL_QVIRTDOMAINMODEL_P_H
