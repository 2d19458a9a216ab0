// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/timeouttimers.h"

#include "eventloop/dispatchdepth.h"
#include "eventloop/eventregistry.h"

#include <QtCore/QTimer>

TimeoutTimers::TimeoutTimers(QObject *context, EventRegistry &registry, DispatchDepth &depth)
    : m_context(context)
    , m_registry(registry)
    , m_depth(depth)
{ }

void TimeoutTimers::sync(TimeoutRegistration *timeout)
{
    if (timeout->removed.load(std::memory_order_relaxed)) {
        // Safe even from inside this timer's own timeout(): Qt's timer list
        // notices the unregistration of the timer it is firing.
        delete std::exchange(timeout->timer, nullptr);
        return;
    }
    if (!timeout->timer) {
        timeout->timer = new QTimer(m_context);
        // A coarse timer may fire up to 5% early; libvirt's timeouts never
        // fire before their interval has passed.
        timeout->timer->setTimerType(Qt::PreciseTimer);
        QObject::connect(timeout->timer, &QTimer::timeout, m_context,
                         [this, timeout] { fire(timeout); });
    }
    const int interval = timeout->interval.load(std::memory_order_relaxed);
    if (interval < 0)
        timeout->timer->stop();
    else
        timeout->timer->start(interval); // restarts the phase, as libvirt expects
}

void TimeoutTimers::fireArmed()
{
    const QVarLengthArray<int, 4> armed = std::exchange(m_armedByHandles, {});
    for (int id : armed) {
        // Removed or changed since: the registry knows only live ones.
        TimeoutRegistration *timeout = m_registry.timeout(id);
        if (timeout && timeout->interval.load(std::memory_order_relaxed) == 0)
            fire(timeout);
    }
}

void TimeoutTimers::fire(TimeoutRegistration *timeout)
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
    // QTimer of a timeout fired from fireArmed(), or one restarted while
    // the callback runs. At 0 ms it would fire on every iteration of the
    // nested loop and keep it from ever blocking, so it waits until the
    // callback has returned.
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
    DispatchDepth::Scope scope(m_depth);
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
