// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/eventregistry.h"

#include "common/logging.h"

#include <climits>

namespace {

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

HandleRegistration *EventRegistry::addHandle(Caller caller, int fd, int events,
                                             virEventHandleCallback cb, void *opaque,
                                             virFreeCallback ff)
{
    HandleRegistration *handle = nullptr;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        const int id = nextId(m_lastHandleId, "handle");
        if (id < 0)
            return nullptr;
        handle = new HandleRegistration(id, fd, events, cb, opaque, ff);
        m_handles.insert(id, handle);
        wake = queueHandle(caller, handle);
    }
    wakeIf(wake);
    return handle;
}

HandleRegistration *EventRegistry::handle(int id) const
{
    std::lock_guard lock(m_mutex);
    return m_handles.value(id);
}

TimeoutRegistration *EventRegistry::timeout(int id) const
{
    std::lock_guard lock(m_mutex);
    return m_timeouts.value(id);
}

HandleRegistration *EventRegistry::updateHandle(Caller caller, int id, int events)
{
    HandleRegistration *handle = nullptr;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        handle = m_handles.value(id);
        if (!handle || handle->events.load(std::memory_order_relaxed) == events)
            return nullptr;
        handle->events.store(events, std::memory_order_relaxed);
        wake = queueHandle(caller, handle);
    }
    wakeIf(wake);
    return handle;
}

HandleRegistration *EventRegistry::removeHandle(Caller caller, int id)
{
    HandleRegistration *handle = nullptr;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        handle = m_handles.take(id);
        if (!handle)
            return nullptr;
        handle->removed.store(true, std::memory_order_release);
        wake = queueHandle(caller, handle);
        wake = retire(Retired{std::unique_ptr<HandleRegistration>(handle), {}}) || wake;
    }
    wakeIf(wake);
    return handle;
}

TimeoutRegistration *EventRegistry::addTimeout(Caller caller, int interval,
                                               virEventTimeoutCallback cb, void *opaque,
                                               virFreeCallback ff)
{
    TimeoutRegistration *timeout = nullptr;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        const int id = nextId(m_lastTimeoutId, "timeout");
        if (id < 0)
            return nullptr;
        timeout = new TimeoutRegistration(id, interval, cb, opaque, ff);
        m_timeouts.insert(id, timeout);
        wake = queueTimeout(caller, timeout);
    }
    wakeIf(wake);
    return timeout;
}

TimeoutRegistration *EventRegistry::updateTimeout(Caller caller, int id, int interval)
{
    TimeoutRegistration *timeout = nullptr;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        timeout = m_timeouts.value(id);
        // Re-arming with the same interval still restarts the phase, as in
        // libvirt's own loop: keepalive relies on it to push its deadline
        // back whenever a message arrives. Only "still disabled" is no change.
        if (!timeout || (interval < 0 && timeout->interval.load(std::memory_order_relaxed) < 0))
            return nullptr;
        timeout->interval.store(interval, std::memory_order_relaxed);
        wake = queueTimeout(caller, timeout);
    }
    wakeIf(wake);
    return timeout;
}

TimeoutRegistration *EventRegistry::removeTimeout(Caller caller, int id)
{
    TimeoutRegistration *timeout = nullptr;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        timeout = m_timeouts.take(id);
        if (!timeout)
            return nullptr;
        timeout->removed.store(true, std::memory_order_release);
        wake = queueTimeout(caller, timeout);
        wake = retire(Retired{{}, std::unique_ptr<TimeoutRegistration>(timeout)}) || wake;
    }
    wakeIf(wake);
    return timeout;
}

bool EventRegistry::ownsTimeout(int id) const
{
    std::lock_guard lock(m_mutex);
    return m_timeouts.contains(id);
}

EventRegistry::PendingWork EventRegistry::takePendingWork()
{
    std::lock_guard lock(m_mutex);
    m_wakePosted = false;
    for (HandleRegistration *handle : m_pending.handles)
        handle->refreshQueued = false;
    for (TimeoutRegistration *timeout : m_pending.timeouts)
        timeout->syncQueued = false;
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

bool EventRegistry::queueHandle(Caller caller, HandleRegistration *handle)
{
    if (caller == Caller::LoopThread || handle->refreshQueued)
        return false;
    handle->refreshQueued = true;
    m_pending.handles.push_back(handle);
    return takeWake();
}

bool EventRegistry::queueTimeout(Caller caller, TimeoutRegistration *timeout)
{
    if (caller == Caller::LoopThread || timeout->syncQueued)
        return false;
    timeout->syncQueued = true;
    m_pending.timeouts.push_back(timeout);
    return takeWake();
}

bool EventRegistry::retire(Retired retired)
{
    // Counted even without a callback, so that waitForPendingFrees() also
    // waits for the notifier or timer of this registration to be gone.
    m_pending.retired.push_back(std::move(retired));
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
