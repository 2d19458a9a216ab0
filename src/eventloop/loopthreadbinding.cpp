// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/loopthreadbinding.h"

#include "common/crossthreadcall.h"
#include "eventloop/fdwatch.h"
#include "eventloop/glibhangupsource.h"

#include "common/logging.h"

#include <QtCore/QAbstractEventDispatcher>
#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <atomic>
#include <poll.h>

namespace {

// Written once, before libvirt learns of the entry points that read it.
std::atomic<LoopThreadBinding *> installed{nullptr};

void stopPostingAtShutdown()
{
    if (LoopThreadBinding *binding = installed.load(std::memory_order_acquire))
        binding->stopPosting();
}

} // namespace

LoopThreadBinding::LoopThreadBinding(ReadinessMode mode)
    : m_threadId(std::this_thread::get_id())
    , m_mode(mode)
    , m_registry([this] { wakeLoopThread(); })
{
    switch (m_mode) {
    case ReadinessMode::UnixDeferred:
        // The Unix dispatcher emits awake() first thing in every
        // processEvents(), after the pass that collected the activations
        // and before it can block again.
        connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::awake, this,
                &LoopThreadBinding::dispatchDeferred);
        break;
    case ReadinessMode::GlibSideChannel:
        m_glibHangups = std::make_unique<GlibHangupSource>();
        break;
    case ReadinessMode::PollEachActivation:
        break;
    }
}

LoopThreadBinding::~LoopThreadBinding() = default;

LoopThreadBinding *LoopThreadBinding::instance()
{
    return installed.load(std::memory_order_acquire);
}

void LoopThreadBinding::install(ReadinessMode mode)
{
    installed.store(new LoopThreadBinding(mode), std::memory_order_release);
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
        syncTimer(timeout);
        if (m_observer)
            m_observer->timeoutAdded(id);
    }
    return id;
}

void LoopThreadBinding::updateTimeout(int id, int interval)
{
    if (interval == 0 && isLoopThread() && m_handleInCallback) {
        if (m_observer)
            m_observer->timeoutArmedFromHandle(id, m_handleInCallback->id, m_handleInCallback->fd);
        if (!m_armedByHandles.contains(id))
            m_armedByHandles.append(id);
    }
    TimeoutRegistration *timeout = m_registry.updateTimeout(caller(), id, interval);
    if (timeout && isLoopThread())
        syncTimer(timeout);
}

int LoopThreadBinding::removeTimeout(int id)
{
    TimeoutRegistration *timeout = m_registry.removeTimeout(caller(), id);
    if (!timeout)
        return -1;
    if (isLoopThread())
        syncTimer(timeout);
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

quint64 LoopThreadBinding::glibIteration() const
{
    return m_glibHangups ? m_glibHangups->iteration() : 0;
}

LoopThreadBinding::DispatchScope::~DispatchScope()
{
    if (--m_binding.m_dispatchDepth == 0)
        m_binding.m_graveyard.clear();
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
        syncTimer(timeout);
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
    if (m_dispatchDepth > 0)
        std::move(work.retired.begin(), work.retired.end(), std::back_inserter(m_graveyard));
}

void LoopThreadBinding::dispatchDeferred()
{
    if (m_deferred.isEmpty())
        return;
    // A callback may run a nested loop, whose awake() lands here again.
    const QVarLengthArray<FdWatch *, 8> watches = std::exchange(m_deferred, {});
    for (FdWatch *watch : watches)
        watch->dispatchCollected();
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
        : *m_fdWatches.insert(handle->fd, new FdWatch(handle->fd, *this));
    watch->attach(handle);
    watch->refresh();
}

void LoopThreadBinding::fireArmedTimeouts()
{
    const QVarLengthArray<int, 4> armed = std::exchange(m_armedByHandles, {});
    for (int id : armed) {
        // Removed or changed since: the registry knows only live ones.
        TimeoutRegistration *timeout = m_registry.timeout(id);
        if (timeout && timeout->interval.load(std::memory_order_relaxed) == 0)
            fireTimeout(timeout);
    }
}

void LoopThreadBinding::fireTimeout(TimeoutRegistration *timeout)
{
    // Removed or disabled from another thread since the timer was armed:
    // the loop thread has not caught up with it yet.
    if (timeout->removed.load(std::memory_order_acquire))
        return;
    const int interval = timeout->interval.load(std::memory_order_relaxed);
    if (interval < 0)
        return;
    // Never re-entered from a nested loop, as Qt never re-enters a timer.
    // Qt does fire a timer that is not the one on the stack, though: the
    // QTimer of a timeout fired from fireArmedTimeouts(), or one restarted
    // while the callback runs. At 0 ms it would fire on every iteration of
    // the nested loop and keep it from ever blocking, so it waits until
    // the callback has returned.
    if (timeout->running) {
        if (timeout->timer)
            timeout->timer->stop();
        timeout->restartAfterRun = true;
        return;
    }
    // Qt keeps a repeating timer on its first schedule, so a late firing
    // would make the next one early; libvirt counts the next expiry from
    // this dispatch (src/util/vireventpoll.c).
    if (interval > 0)
        timeout->timer->start(interval);
    DispatchScope scope(*this);
    timeout->running = true;
    timeout->cb(timeout->id, timeout->opaque);
    timeout->running = false;
    // The registration outlives the scope; its timer is gone if the loop
    // thread removed it meanwhile.
    if (std::exchange(timeout->restartAfterRun, false) && timeout->timer
        && !timeout->removed.load(std::memory_order_acquire)) {
        const int now = timeout->interval.load(std::memory_order_relaxed);
        if (now >= 0)
            timeout->timer->start(now);
    }
}

bool LoopThreadBinding::peerGone(int id) const
{
    const HandleRegistration *handle = m_registry.handle(id);
    if (!handle)
        return true;
    // A TCP peer's end shows as POLLRDHUP long before POLLHUP.
    pollfd pfd{handle->fd, POLLRDHUP, 0};
    constexpr short gone = POLLRDHUP | POLLHUP | POLLERR | POLLNVAL;
    return ::poll(&pfd, 1, 0) > 0 && (pfd.revents & gone);
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

void LoopThreadBinding::syncTimer(TimeoutRegistration *timeout)
{
    if (timeout->removed.load(std::memory_order_relaxed)) {
        // Safe even from inside this timer's own timeout(): Qt's timer list
        // notices the unregistration of the timer it is firing.
        delete std::exchange(timeout->timer, nullptr);
        return;
    }
    if (!timeout->timer) {
        timeout->timer = new QTimer(this);
        // A coarse timer may fire up to 5% early; libvirt's timeouts never
        // fire before their interval has passed.
        timeout->timer->setTimerType(Qt::PreciseTimer);
        connect(timeout->timer, &QTimer::timeout, this, [this, timeout] { fireTimeout(timeout); });
    }
    const int interval = timeout->interval.load(std::memory_order_relaxed);
    if (interval < 0)
        timeout->timer->stop();
    else
        timeout->timer->start(interval); // restarts the phase, as libvirt expects
}
