// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_DOMAINSTATSPOLLER_H
#define QTVIRT_MODEL_DOMAINSTATSPOLLER_H

#include "model/domainstatistics.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <optional>

class QVirtConnection;

// QVirtDomainModel's statistics of one connection: every interval one
// DomainStatistics::sample() in modelWorkerPool(), never two at once (a
// tick while one runs is skipped), and the figures of every domain from it
// and the one before, reported together with sampled().
class DomainStatsPoller : public QObject
{
    Q_OBJECT

public:
    explicit DomainStatsPoller(QVirtConnection *connection, QObject *parent = nullptr);

    // 0 stops; a call still running then reports nothing.
    void setInterval(int ms);
    // The figures of the last sample; null for a domain it did not count.
    const DomainStatistics::Figures *figuresOf(const QUuid &uuid) const;
    // Forgets every figure; the domains that had one.
    QSet<QUuid> clear();

Q_SIGNALS:
    // A sample arrived: counters holds what it read of each domain, and
    // changedFigures the domains whose figures are not what they were.
    void sampled(const QHash<QUuid, DomainStatistics::Counters> &counters,
                 const QSet<QUuid> &changedFigures);
    // A reading failed, with libvirt's message: once, until one succeeds,
    // rather than every interval.
    void failed(const QString &message);

private:
    void tick();
    // A sample, or why there is none.
    struct Reading
    {
        std::optional<DomainStatistics::Sample> sample;
        QString failure;
    };
    void finish(quint64 generation, const Reading &reading);

    QVirtConnection *const m_connection;
    QTimer m_timer;
    bool m_running = false;
    // The last reading failed, and failed() said so.
    bool m_failing = false;
    // Counts the starts and stops: a result of an older one is dropped.
    quint64 m_generation = 0;
    std::optional<DomainStatistics::Sample> m_last;
    QHash<QUuid, DomainStatistics::Figures> m_figures;
};

#endif // QTVIRT_MODEL_DOMAINSTATSPOLLER_H
