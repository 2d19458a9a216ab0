// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domainstatspoller.h"

#include "connection/connectionhandle.h"
#include "model/modelworkerpool.h"
#include "model/pooledcall.h"

#include <QtVirt/qvirtconnection.h>
#include <QtVirt/qvirterror.h>

#include <QtCore/QFutureWatcher>

#include <utility>

DomainStatsPoller::DomainStatsPoller(QVirtConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    // Precise: the interval is what the rates are compared against by the
    // user, and a coarse timer may drift by 5 %.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DomainStatsPoller::tick);
    // Counters of an earlier connection to another daemon mean nothing now,
    // and a failure that lasts is reported again for the new connection.
    connect(connection, &QVirtConnection::opened, this, [this] {
        m_last.reset();
        m_failing = false;
    });
    // The model drops a closed connection's rows, and with them the figures.
    connect(connection, &QVirtConnection::stateChanged, this, [this](QVirtConnection::State state) {
        if (state == QVirtConnection::State::Closed) {
            m_last.reset();
            m_figures.clear();
        }
    });
}

void DomainStatsPoller::setInterval(int ms)
{
    ++m_generation;
    m_last.reset();
    if (ms <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(ms);
    tick();
}

const DomainStatistics::Figures *DomainStatsPoller::figuresOf(const QUuid &uuid) const
{
    const auto found = m_figures.constFind(uuid);
    return found == m_figures.cend() ? nullptr : &*found;
}

QSet<QUuid> DomainStatsPoller::clear()
{
    QSet<QUuid> had;
    had.reserve(m_figures.size());
    for (auto each = m_figures.cbegin(); each != m_figures.cend(); ++each)
        had.insert(each.key());
    m_figures.clear();
    return had;
}

void DomainStatsPoller::tick()
{
    // One call per connection at a time: a daemon slower than the interval
    // gets the next call only when it answered the last one.
    if (m_running)
        return;
    const ConnectionHandle conn = shareConnection(m_connection->handle());
    if (!conn)
        return;
    m_running = true;
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<Reading>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_running = false;
        const auto future = watcher->future();
        finish(generation, future.isCanceled() ? Reading() : future.result());
    });
    watcher->setFuture(runPooled(modelWorkerPool(), [conn] {
        Reading reading;
        try {
            reading.sample = DomainStatistics::sample(conn.get());
        } catch (const QVirtError &error) {
            reading.failure = error.message();
        }
        return reading;
    }));
}

void DomainStatsPoller::finish(quint64 generation, const Reading &reading)
{
    if (generation != m_generation)
        return;
    // A connection that broke meanwhile says so itself.
    if (!reading.failure.isEmpty() && m_connection->state() == QVirtConnection::State::Open
        && !std::exchange(m_failing, true))
        Q_EMIT failed(reading.failure);
    const std::optional<DomainStatistics::Sample> &sample = reading.sample;
    if (!sample)
        return;
    m_failing = false;
    QHash<QUuid, DomainStatistics::Figures> figures;
    QHash<QUuid, DomainStatistics::Counters> counters;
    QSet<QUuid> changed;
    figures.reserve(sample->domains.size());
    counters.reserve(sample->domains.size());
    for (auto each = sample->domains.cbegin(); each != sample->domains.cend(); ++each) {
        const DomainStatistics::Counters *earlier = nullptr;
        if (m_last) {
            const auto found = m_last->domains.constFind(each.key());
            if (found != m_last->domains.cend())
                earlier = &*found;
        }
        const DomainStatistics::Figures now = DomainStatistics::figures(
            earlier, m_last ? m_last->wallNs : 0, each.value(), sample->wallNs);
        const auto before = m_figures.constFind(each.key());
        if (before == m_figures.cend() || *before != now)
            changed.insert(each.key());
        figures.insert(each.key(), now);
        counters.insert(each.key(), each.value());
    }
    // Those no longer reported lose their figures.
    for (auto each = m_figures.cbegin(); each != m_figures.cend(); ++each) {
        if (!figures.contains(each.key()))
            changed.insert(each.key());
    }
    m_figures = std::move(figures);
    m_last = sample;
    Q_EMIT sampled(counters, changed);
}
