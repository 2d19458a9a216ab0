// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/eventregistry.h"

#include "common/logging.h"

#include <climits>

namespace {

constexpr int AlwaysDelivered = VIR_EVENT_HANDLE_ERROR | VIR_EVENT_HANDLE_HANGUP;

int nextId(int &last, const char *what)
{
    if (last == INT_MAX) {
        qCWarning(lcQtVirtEvent, "No %s id left: ids are never reused", what);
        return -1;
    }
    return ++last;
}

} // namespace

EventRegistry::EventRegistry(std::function<void()> wakeLoopThread)
    : m_wakeLoopThread(std::move(wakeLoopThread))
{ }

int EventRegistry::addHandle(Caller caller, int fd, int events, virEventHandleCallback cb,
                             void *opaque, virFreeCallback ff)
{
    int id = -1;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        id = nextId(m_lastHandleId, "handle");
        if (id < 0)
            return -1;
        m_handles.insert(id, HandleEntry{fd, events, cb, opaque, ff});
        m_handlesByFd[fd].append(id);
        wake = deferFd(caller, fd);
    }
    wakeIf(wake);
    return id;
}

std::optional<int> EventRegistry::updateHandle(Caller caller, int id, int events)
{
    int fd = -1;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_handles.find(id);
        if (it == m_handles.end() || it->events == events)
            return std::nullopt;
        it->events = events;
        fd = it->fd;
        wake = deferFd(caller, fd);
    }
    wakeIf(wake);
    return fd;
}

std::optional<int> EventRegistry::removeHandle(Caller caller, int id)
{
    int fd = -1;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_handles.find(id);
        if (it == m_handles.end())
            return std::nullopt;
        fd = it->fd;
        wake = queueFree(it->ff, it->opaque);
        m_handles.erase(it);

        const auto byFd = m_handlesByFd.find(fd);
        byFd->removeOne(id);
        if (byFd->isEmpty())
            m_handlesByFd.erase(byFd);
        wake = deferFd(caller, fd) || wake;
    }
    wakeIf(wake);
    return fd;
}

std::optional<int> EventRegistry::eventsOnFd(int fd) const
{
    std::lock_guard lock(m_mutex);
    const auto byFd = m_handlesByFd.constFind(fd);
    if (byFd == m_handlesByFd.cend())
        return std::nullopt;
    int events = 0;
    for (int id : *byFd)
        events |= m_handles.value(id).events;
    return events;
}

bool EventRegistry::dispatchHandles(int fd, int revents, int deliverable)
{
    FdIds ids;
    {
        std::lock_guard lock(m_mutex);
        ids = m_handlesByFd.value(fd);
    }

    // Callbacks may add, update or remove registrations, so walk a snapshot
    // and look every id up again: a handle removed by an earlier callback of
    // this pass must not run (libvirt tests/eventtest.c, "deleted during
    // dispatch"; libvirtaio a5cc6da).
    bool skippedRunning = false;
    for (int id : ids) {
        virEventHandleCallback cb = nullptr;
        void *opaque = nullptr;
        int events = 0;
        {
            std::lock_guard lock(m_mutex);
            const auto it = m_handles.find(id);
            if (it == m_handles.end() || it->events == 0)
                continue;
            events = revents & ((it->events | AlwaysDelivered) & deliverable);
            if (events == 0)
                continue;
            if (it->running) {
                skippedRunning = true;
                continue;
            }
            it->running = true;
            cb = it->cb;
            opaque = it->opaque;
        }

        cb(id, fd, events, opaque);

        std::lock_guard lock(m_mutex);
        const auto it = m_handles.find(id);
        if (it != m_handles.end())
            it->running = false;
    }
    return skippedRunning;
}

int EventRegistry::addTimeout(Caller caller, int interval, virEventTimeoutCallback cb, void *opaque,
                              virFreeCallback ff)
{
    int id = -1;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        id = nextId(m_lastTimeoutId, "timeout");
        if (id < 0)
            return -1;
        m_timeouts.insert(id, TimeoutEntry{interval, cb, opaque, ff});
        wake = deferTimeout(caller, id);
    }
    wakeIf(wake);
    return id;
}

bool EventRegistry::updateTimeout(Caller caller, int id, int interval)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_timeouts.find(id);
        if (it == m_timeouts.end())
            return false;
        // Re-arming with the same interval still restarts the phase, as in
        // libvirt's own loop: keepalive relies on it to push its deadline
        // back whenever a message arrives.
        if (it->interval < 0 && interval < 0)
            return false;
        it->interval = interval;
        wake = deferTimeout(caller, id);
    }
    wakeIf(wake);
    return true;
}

bool EventRegistry::removeTimeout(Caller caller, int id)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_timeouts.find(id);
        if (it == m_timeouts.end())
            return false;
        wake = queueFree(it->ff, it->opaque);
        m_timeouts.erase(it);
        wake = deferTimeout(caller, id) || wake;
    }
    wakeIf(wake);
    return true;
}

std::optional<int> EventRegistry::timeoutInterval(int id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_timeouts.constFind(id);
    if (it == m_timeouts.cend())
        return std::nullopt;
    return it->interval;
}

void EventRegistry::fireTimeout(int id)
{
    virEventTimeoutCallback cb = nullptr;
    void *opaque = nullptr;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_timeouts.constFind(id);
        // Removed or disabled from another thread since the timer was
        // armed: the loop thread has not caught up with it yet.
        if (it == m_timeouts.cend() || it->interval < 0)
            return;
        cb = it->cb;
        opaque = it->opaque;
    }
    cb(id, opaque);
}

EventRegistry::PendingWork EventRegistry::takePendingWork()
{
    std::lock_guard lock(m_mutex);
    m_wakePosted = false;
    return std::exchange(m_pending, PendingWork());
}

void EventRegistry::freesDone(std::size_t count)
{
    {
        std::lock_guard lock(m_mutex);
        m_outstandingFrees -= count;
    }
    m_freesDone.notify_all();
}

bool EventRegistry::hasOutstandingFrees() const
{
    std::lock_guard lock(m_mutex);
    return m_outstandingFrees > 0;
}

bool EventRegistry::waitUntilNoOutstandingFrees(QDeadlineTimer deadline)
{
    std::unique_lock lock(m_mutex);
    const auto done = [this] { return m_outstandingFrees == 0; };
    if (deadline.isForever()) {
        m_freesDone.wait(lock, done);
        return true;
    }
    return m_freesDone.wait_until(lock, deadline.deadline<std::chrono::steady_clock>(), done);
}

bool EventRegistry::deferFd(Caller caller, int fd)
{
    if (caller == Caller::LoopThread)
        return false;
    m_pending.fds.insert(fd);
    return takeWake();
}

bool EventRegistry::deferTimeout(Caller caller, int id)
{
    if (caller == Caller::LoopThread)
        return false;
    m_pending.timeouts.insert(id);
    return takeWake();
}

bool EventRegistry::queueFree(virFreeCallback ff, void *opaque)
{
    // Counted even without a callback, so that waitForPendingFrees() also
    // waits for the notifier or timer of this registration to be gone.
    m_pending.frees.push_back(FreeCall{ff, opaque});
    ++m_outstandingFrees;
    return takeWake();
}

bool EventRegistry::takeWake()
{
    return !std::exchange(m_wakePosted, true);
}

void EventRegistry::wakeIf(bool needed) const
{
    if (needed)
        m_wakeLoopThread();
}
