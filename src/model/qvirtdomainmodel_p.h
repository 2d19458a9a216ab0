// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_QVIRTDOMAINMODEL_P_H
#define QTVIRT_MODEL_QVIRTDOMAINMODEL_P_H

#include "model/domainentry.h"
#include "model/domainrows.h"
#include "model/domainstatistics.h"

#include <QtVirt/qvirtdomainmodel.h>

#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QSet>
#include <QtCore/QUuid>

#include <memory>
#include <vector>

class DomainTracker;

class QVirtDomainModelPrivate
{
    Q_DECLARE_PUBLIC(QVirtDomainModel)

public:
    explicit QVirtDomainModelPrivate(QVirtDomainModel *q)
        : q_ptr(q)
    { }

    // The model's rows are those of each connection, one after the other.
    int offsetOf(const DomainRows *source) const;
    // The connection's rows and the index among them of the model's row.
    std::pair<const DomainRows *, int> locate(int row) const;
    DomainRows *sourceOf(const DomainTracker *tracker) const;

    void handleUpdated(DomainRows *source, const QList<DomainEntry> &entries);
    void handleRemoved(DomainRows *source, const QUuid &uuid);
    // Inserts pending rows, a run at a time, until the time budget of one
    // pass of the event loop is spent, and continues in the next pass.
    void insertPending();
    void removeSource(DomainTracker *tracker);
    void connectionInfoChanged(DomainRows *source);
    // A statistics sample of source's connection arrived: refreshes memory
    // and vCPUs and announces every row whose figures changed, all in one
    // dataChanged().
    void applyStatistics(DomainRows *source,
                         const QHash<QUuid, DomainStatistics::Counters> &counters,
                         const QSet<QUuid> &changedFigures);
    // Statistics stopped: the figures go, with one dataChanged() per
    // connection that had any.
    void dropStatistics();
    bool run(int row, QVirtDomainModel::Action action);
    void report(QVirtDomainModel::Action action, const DomainEntry &entry,
                const QFuture<void> &future);
    // Sets error() and errorString(), then emits errorOccurred().
    void fail(QVirtDomainModel::Error failure, const QString &message);
    // What a message names the connection by: its host, or its URI before
    // the host is known.
    static QString hostLabel(const QVirtConnection *connection);
    // Emits one dataChanged() for the model's rows first to last, every column.
    void rowsChanged(int first, int last, const QList<int> &roles);

    QVirtDomainModel *const q_ptr;
    std::vector<std::unique_ptr<DomainRows>> sources;
    bool insertionScheduled = false;
    int statsInterval = 0;
    QVirtDomainModel::Error error = QVirtDomainModel::NoError;
    QString errorString;
};

#endif // QTVIRT_MODEL_QVIRTDOMAINMODEL_P_H
