// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/loopthreadbinding.h"

#include "common/crossthreadcall.h"
#include "eventloop/fdwatch.h"
#include "eventloop/readiness.h"

#include "common/logging.h"

#include <QtCore/QCoreApplication>

#include <atomic>
#include <cerrno>
#include <poll.h>

namespace {

// Written once, before libvirt learns of the entry points that read it.
std::atomic<LoopThreadBinding *> installed{nullptr};

void stopPostingAtShutdown()
{
    if (LoopThreadBinding *binding = installed.load(std::memory_order_acquire))
        binding->stopPosting();
}

// The binding, when called from its thread.
LoopThreadBinding *loopBinding()
{
    LoopThreadBinding *binding = installed.load(std::memory_order_acquire);
    return binding && binding->isLoopThread() ? binding : nullptr;
}

} // namespace

LoopThreadBinding::LoopThreadBinding(std::unique_ptr<Readiness> readiness)
    : m_threadId(std::this_thread::get_id())
    , m_readiness(std::move(readiness))
    , m_registry([this] { wakeLoopThread(); })
    , m_timers(this, m_registry, m_depth)
{ }

LoopThreadBinding::~LoopThreadBinding() = default;

LoopThreadBinding *LoopThreadBinding::instance()
{
    return installed.load(std::memory_order_acquire);
}

void LoopThreadBinding::install(std::unique_ptr<Readiness> readiness)
{
    installed.store(new LoopThreadBinding(std::move(readiness)), std::memory_order_release);
    qAddPostRoutine(stopPostingAtShutdown);
}

void LoopThreadBinding::stopPosting()
{
    const std::lock_guard lock(m_postingMutex);
    m_postingStopped = true;
}

int LoopThreadBinding::addHandle(int fd, int events, virEventHandleCallback cb, void *opaque,
                                 virFreeCallback ff)
{
    HandleRegistration *handle = m_registry.addHandle(caller(), fd, events, cb, opaque, ff);
    if (!handle)
        return -1;
    const int id = handle->id; // another thread must not touch handle again
    if (isLoopThread())
        refreshHandle(handle);
    return id;
}

void LoopThreadBinding::updateHandle(int id, int events)
{
    HandleRegistration *handle = m_registry.updateHandle(caller(), id, events);
    if (handle && isLoopThread())
        refreshHandle(handle);
}

int LoopThreadBinding::removeHandle(int id)
{
    HandleRegistration *handle = m_registry.removeHandle(caller(), id);
    if (!handle)
        return -1;
    if (isLoopThread())
        refreshHandle(handle);
    return 0;
}

int LoopThreadBinding::addTimeout(int interval, virEventTimeoutCallback cb, void *opaque,
                                  virFreeCallback ff)
{
    TimeoutRegistration *timeout = m_registry.addTimeout(caller(), interval, cb, opaque, ff);
    if (!timeout)
        return -1;
    const int id = timeout->id; // another thread must not touch timeout again
    if (isLoopThread()) {
        m_timers.sync(timeout);
        if (m_observer)
            m_observer->timeoutAdded(id);
    }
    return id;
}

void LoopThreadBinding::updateTimeout(int id, int interval)
{
    if (interval == 0 && isLoopThread()) {
        if (const HandleRegistration *handle = m_timers.handleInCallback()) {
            if (m_observer)
                m_observer->timeoutArmedFromHandle(id, handle->id, handle->fd);
            m_timers.armedByHandle(id);
        }
    }
    TimeoutRegistration *timeout = m_registry.updateTimeout(caller(), id, interval);
    if (timeout && isLoopThread())
        m_timers.sync(timeout);
}

int LoopThreadBinding::removeTimeout(int id)
{
    TimeoutRegistration *timeout = m_registry.removeTimeout(caller(), id);
    if (!timeout)
        return -1;
    if (isLoopThread())
        m_timers.sync(timeout);
    return 0;
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

bool LoopThreadBinding::event(QEvent *event)
{
    return CrossThreadCall::deliver(event) || QObject::event(event);
}

void LoopThreadBinding::wakeLoopThread()
{
    // Held across the post, so that stopPosting() returns only once no post
    // is under way: QCoreApplication's destructor goes on to delete the
    // event dispatcher that a post wakes.
    const std::lock_guard lock(m_postingMutex);
    if (m_postingStopped)
        return;
    if (isLoopThread())
        schedulePendingWork();
    else
        CrossThreadCall::post(this, [this] { schedulePendingWork(); });
}

void LoopThreadBinding::schedulePendingWork()
{
    // Free callbacks run from this queued call: later, from the event loop
    // (nested loops included), never inside remove() and with no lock held.
    QMetaObject::invokeMethod(this, &LoopThreadBinding::runPendingWork, Qt::QueuedConnection);
}

EventRegistry::Caller LoopThreadBinding::caller() const
{
    return isLoopThread() ? EventRegistry::Caller::LoopThread : EventRegistry::Caller::OtherThread;
}

void LoopThreadBinding::runPendingWork()
{
    EventRegistry::PendingWork work = m_registry.takePendingWork();
    for (HandleRegistration *handle : work.handles)
        refreshHandle(handle);
    for (TimeoutRegistration *timeout : work.timeouts)
        m_timers.sync(timeout);
    if (work.retired.empty())
        return;

    // Only now, with the notifiers and timers of the removed registrations
    // gone, may libvirt close their fds and free their data. No lock is held
    // here and remove() has long returned (libvirt-python 72e237f,
    // libvirt-glib f65794e).
    for (const EventRegistry::Retired &retired : work.retired) {
        const virFreeCallback ff = retired.handle ? retired.handle->ff : retired.timeout->ff;
        void *opaque = retired.handle ? retired.handle->opaque : retired.timeout->opaque;
        if (ff)
            ff(opaque);
    }
    m_registry.freesDone(work.retired.size());
    m_depth.keepWhileInCallback(work.retired);
}

void LoopThreadBinding::refreshHandle(HandleRegistration *handle)
{
    const auto it = m_fdWatches.find(handle->fd);
    if (handle->removed.load(std::memory_order_relaxed)) {
        if (it == m_fdWatches.end())
            return;
        FdWatch *watch = it.value();
        watch->detach(handle);
        if (watch->isEmpty()) {
            m_fdWatches.erase(it);
            watch->retire();
        } else {
            watch->refresh();
        }
        return;
    }
    FdWatch *watch = it != m_fdWatches.end()
        ? it.value()
        : *m_fdWatches.insert(handle->fd, new FdWatch(handle->fd, *m_readiness, m_depth, m_timers));
    watch->attach(handle);
    watch->refresh();
}

bool LoopThreadBinding::peerGone(int id) const
{
    const HandleRegistration *handle = m_registry.handle(id);
    if (!handle)
        return true;
    // A TCP peer's end shows as POLLRDHUP long before POLLHUP.
    pollfd pfd{handle->fd, POLLRDHUP, 0};
    constexpr short gone = POLLRDHUP | POLLHUP | POLLERR | POLLNVAL;
    int rc = 0;
    do {
        rc = ::poll(&pfd, 1, 0);
    } while (rc < 0 && errno == EINTR);
    return rc > 0 && (pfd.revents & gone);
}

void LoopThreadBinding::holdBackReads(int id, bool held)
{
    HandleRegistration *handle = m_registry.handle(id);
    if (!handle || handle->readsHeld == held)
        return;
    qCDebug(lcQtVirtEvent, "%s the reads of handle %d (fd %d)", held ? "Holding back" : "Resuming",
            id, handle->fd);
    handle->readsHeld = held;
    refreshHandle(handle);
}

namespace LoopHooks {

bool onLoopThread()
{
    return loopBinding() != nullptr;
}

void setObserver(Observer *observer)
{
    if (LoopThreadBinding *binding = loopBinding())
        binding->setObserver(observer);
}

void holdBackReads(int handle, bool held)
{
    if (LoopThreadBinding *binding = loopBinding())
        binding->holdBackReads(handle, held);
}

bool peerGone(int handle)
{
    LoopThreadBinding *binding = loopBinding();
    return binding && binding->peerGone(handle);
}

} // namespace LoopHooks
