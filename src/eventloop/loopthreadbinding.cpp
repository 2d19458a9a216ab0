// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/loopthreadbinding.h"

#include "eventloop/fdwatch.h"

#include <QtCore/QTimer>

LoopThreadBinding::LoopThreadBinding()
    : m_threadId(std::this_thread::get_id())
    , m_registry([this] {
        // A queued call wakes the loop thread, nested loops included, and
        // never blocks the caller, who may hold libvirt's locks.
        QMetaObject::invokeMethod(this, &LoopThreadBinding::runPendingWork, Qt::QueuedConnection);
    })
{ }

int LoopThreadBinding::addHandle(int fd, int events, virEventHandleCallback cb, void *opaque,
                                 virFreeCallback ff)
{
    const int id = m_registry.addHandle(caller(), fd, events, cb, opaque, ff);
    if (id > 0 && isLoopThread())
        syncFd(fd);
    return id;
}

void LoopThreadBinding::updateHandle(int id, int events)
{
    const std::optional<int> fd = m_registry.updateHandle(caller(), id, events);
    if (fd && isLoopThread())
        syncFd(*fd);
}

int LoopThreadBinding::removeHandle(int id)
{
    const std::optional<int> fd = m_registry.removeHandle(caller(), id);
    if (!fd)
        return -1;
    if (isLoopThread())
        syncFd(*fd);
    return 0;
}

int LoopThreadBinding::addTimeout(int interval, virEventTimeoutCallback cb, void *opaque,
                                  virFreeCallback ff)
{
    const int id = m_registry.addTimeout(caller(), interval, cb, opaque, ff);
    if (id > 0 && isLoopThread())
        syncTimeout(id);
    return id;
}

void LoopThreadBinding::updateTimeout(int id, int interval)
{
    if (m_registry.updateTimeout(caller(), id, interval) && isLoopThread())
        syncTimeout(id);
}

int LoopThreadBinding::removeTimeout(int id)
{
    if (!m_registry.removeTimeout(caller(), id))
        return -1;
    if (isLoopThread())
        syncTimeout(id);
    return 0;
}

bool LoopThreadBinding::ownsTimeout(int id) const
{
    return m_registry.timeoutInterval(id).has_value();
}

bool LoopThreadBinding::waitForPendingFrees(QDeadlineTimer deadline)
{
    if (!isLoopThread())
        return m_registry.waitUntilNoOutstandingFrees(deadline);

    // Free callbacks may remove further registrations, and other threads
    // may keep adding to the queue, so run until it stays empty.
    while (m_registry.hasOutstandingFrees()) {
        if (deadline.hasExpired())
            return false;
        runPendingWork();
    }
    return true;
}

EventRegistry::Caller LoopThreadBinding::caller() const
{
    return isLoopThread() ? EventRegistry::Caller::LoopThread : EventRegistry::Caller::OtherThread;
}

void LoopThreadBinding::runPendingWork()
{
    EventRegistry::PendingWork work = m_registry.takePendingWork();
    for (int fd : std::as_const(work.fds))
        syncFd(fd);
    for (int id : std::as_const(work.timeouts))
        syncTimeout(id);

    // Only now, with the notifiers and timers of the removed registrations
    // gone, may libvirt close their fds and free their data. No lock is held
    // here and remove() has long returned (libvirt-python 72e237f,
    // libvirt-glib f65794e).
    for (const EventRegistry::FreeCall &free : work.frees) {
        if (free.ff)
            free.ff(free.opaque);
    }
    if (!work.frees.empty())
        m_registry.freesDone(work.frees.size());
}

void LoopThreadBinding::syncFd(int fd)
{
    const std::optional<int> events = m_registry.eventsOnFd(fd);
    const auto it = m_fdWatches.find(fd);
    if (!events) {
        if (it != m_fdWatches.end()) {
            it.value()->retire();
            m_fdWatches.erase(it);
        }
        return;
    }
    FdWatch *watch = it != m_fdWatches.end() ? it.value()
                                             : *m_fdWatches.insert(fd, new FdWatch(fd, m_registry));
    watch->setWanted(*events);
}

void LoopThreadBinding::syncTimeout(int id)
{
    const std::optional<int> interval = m_registry.timeoutInterval(id);
    const auto it = m_timers.find(id);
    if (!interval) {
        if (it != m_timers.end()) {
            // Safe even from inside this timer's own timeout(): Qt's timer
            // list notices the unregistration of the timer it is firing.
            delete it.value();
            m_timers.erase(it);
        }
        return;
    }
    QTimer *timer = it != m_timers.end() ? it.value() : createTimer(id);
    if (*interval < 0)
        timer->stop();
    else
        timer->start(*interval); // restarts the phase, as libvirt expects
}

QTimer *LoopThreadBinding::createTimer(int id)
{
    auto *timer = new QTimer(this);
    // A coarse timer may fire up to 5% early; libvirt's timeouts never fire
    // before their interval has passed.
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, this, [this, id] { m_registry.fireTimeout(id); });
    m_timers.insert(id, timer);
    return timer;
}
