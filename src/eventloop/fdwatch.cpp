// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/fdwatch.h"

#include "eventloop/dispatchdepth.h"
#include "eventloop/lazynotifier.h"
#include "eventloop/registration.h"
#include "eventloop/timeouttimers.h"

#include <cerrno>
#include <poll.h>

namespace {

// The mapping of libvirt's own poll loop (src/util/vireventpoll.c), which
// also reports POLLNVAL as ERROR.
int toLibvirtEvents(short revents)
{
    int events = 0;
    if (revents & POLLIN)
        events |= FdWatch::Readable;
    if (revents & POLLOUT)
        events |= FdWatch::Writable;
    if (revents & (POLLERR | POLLNVAL))
        events |= VIR_EVENT_HANDLE_ERROR;
    if (revents & POLLHUP)
        events |= VIR_EVENT_HANDLE_HANGUP;
    return events;
}

} // namespace

FdWatch::FdWatch(int fd, Readiness &readiness, DispatchDepth &depth, TimeoutTimers &timers)
    : m_fd(fd)
    , m_depth(depth)
    , m_timers(timers)
    , m_readiness(readiness.forFd(*this))
{ }

FdWatch::~FdWatch() = default;

void FdWatch::attach(HandleRegistration *handle)
{
    if (!m_handles.contains(handle))
        m_handles.append(handle);
}

void FdWatch::detach(HandleRegistration *handle)
{
    m_handles.removeOne(handle);
}

void FdWatch::refresh()
{
    int wanted = 0;
    for (const HandleRegistration *handle : std::as_const(m_handles))
        wanted |= handle->listenedEvents();
    wanted &= Readable | Writable;
    if (wanted == m_wanted)
        return;
    m_wanted = wanted;
    applyNotifierState();
}

void FdWatch::retire()
{
    // Deleting a notifier from inside its own activated() is supported:
    // QSocketNotifier::event() guards the emission with a QPointer.
    m_read.reset();
    m_write.reset();
    m_readiness->retire();
    m_handles.clear();
    m_retired = true;
    if (m_holds == 0)
        delete this;
}

void FdWatch::release()
{
    if (--m_holds == 0 && m_retired)
        delete this;
}

void FdWatch::pollAndDispatch(QSocketNotifier::Type type)
{
    const int revents = pollRevents();
    if (revents != 0)
        dispatchHeld(revents, deliverableFor(type));
}

void FdWatch::dispatch(int revents, int deliverable)
{
    // Callbacks may add, update or remove registrations, so walk a snapshot
    // and check every handle again right before its call: one removed by an
    // earlier callback of this pass must not run (docs/libvirt-event-contract.md,
    // "Removal and free callbacks" and "Mistakes other implementations made"). The registrations in
    // the snapshot stay allocated until the outermost dispatch returns.
    const QVarLengthArray<HandleRegistration *, 2> handles = m_handles;
    DispatchDepth::Scope scope(m_depth);
    const bool outermost = !std::exchange(m_dispatching, true);
    bool skippedRunning = false;
    for (HandleRegistration *handle : handles) {
        if (handle->removed.load(std::memory_order_acquire))
            continue;
        const int events = handle->listenedEvents();
        if (events == 0)
            continue; // registered but silent, or held back
        const int delivered = revents & (events | ErrorOrHangup) & deliverable;
        if (delivered == 0)
            continue;
        if (handle->running) {
            skippedRunning = true;
            continue;
        }
        handle->running = true;
        const HandleRegistration *outer = m_timers.enterHandleCallback(handle);
        handle->cb(handle->id, m_fd, delivered, handle->opaque);
        m_timers.enterHandleCallback(outer);
        handle->running = false;
    }
    if (outermost)
        m_dispatching = false;

    if (!m_retired) {
        if (skippedRunning && !outermost) {
            m_suspended |= deliverable & (Readable | Writable);
            applyNotifierState();
        } else if (outermost && m_suspended != 0) {
            m_suspended = 0;
            applyNotifierState();
        }
    }
    if (outermost)
        m_timers.fireArmedByHandles();
}

void FdWatch::dispatchHeld(int revents, int deliverable)
{
    hold();
    dispatch(revents, deliverable);
    release();
}

int FdWatch::pollRevents() const
{
    pollfd pfd{m_fd, 0, 0};
    if (m_wanted & Readable)
        pfd.events |= POLLIN;
    if (m_wanted & Writable)
        pfd.events |= POLLOUT;
    int rc = 0;
    do {
        rc = ::poll(&pfd, 1, 0);
    } while (rc < 0 && errno == EINTR);
    return rc > 0 ? toLibvirtEvents(pfd.revents) : 0;
}

int FdWatch::deliverableFor(QSocketNotifier::Type type) const
{
    // ERROR and HANGUP wake every notifier of the fd on the Unix dispatcher
    // and only Read on the GLib one: deliver them once, through the Read
    // side whenever it listens, so that a WRITABLE-only handle still hears
    // them (the RPC client relies on HANGUP to report EOF).
    if (type == QSocketNotifier::Read || !(m_read && m_read->isEnabled()))
        return sideOf(type) | ErrorOrHangup;
    return sideOf(type);
}

void FdWatch::applyNotifierState()
{
    const int listening = m_wanted & ~m_suspended;
    setNotifierEnabled(m_read, QSocketNotifier::Read, listening & Readable);
    setNotifierEnabled(m_write, QSocketNotifier::Write, listening & Writable);
    m_readiness->listeningChanged(listening);
}

void FdWatch::setNotifierEnabled(std::unique_ptr<QSocketNotifier> &notifier,
                                 QSocketNotifier::Type type, bool enabled)
{
    if (::setNotifierEnabled(notifier, m_fd, type, enabled,
                             [this, type] { m_readiness->activated(type); }))
        m_readiness->notifierEnabled();
}
