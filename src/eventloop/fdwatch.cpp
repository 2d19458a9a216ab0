// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/fdwatch.h"

#include "eventloop/glibhangupsource.h"
#include "eventloop/hanguprecord.h"
#include "eventloop/loopthreadbinding.h"
#include "eventloop/registration.h"

#include <cerrno>
#include <poll.h>

namespace {

constexpr int Readable = VIR_EVENT_HANDLE_READABLE;
constexpr int Writable = VIR_EVENT_HANDLE_WRITABLE;
constexpr int ErrorOrHangup = VIR_EVENT_HANDLE_ERROR | VIR_EVENT_HANDLE_HANGUP;

// The mapping of libvirt's own poll loop (src/util/vireventpoll.c), which
// also reports POLLNVAL as ERROR.
int toLibvirtEvents(short revents)
{
    int events = 0;
    if (revents & POLLIN)
        events |= Readable;
    if (revents & POLLOUT)
        events |= Writable;
    if (revents & (POLLERR | POLLNVAL))
        events |= VIR_EVENT_HANDLE_ERROR;
    if (revents & POLLHUP)
        events |= VIR_EVENT_HANDLE_HANGUP;
    return events;
}

int sideOf(QSocketNotifier::Type type)
{
    return type == QSocketNotifier::Read ? Readable : Writable;
}

} // namespace

FdWatch::FdWatch(int fd, LoopThreadBinding &binding)
    : m_fd(fd)
    , m_binding(binding)
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
    m_exception.reset();
    if (m_binding.readinessMode() == ReadinessMode::GlibSideChannel) {
        setSideChannel(false);
        m_binding.glibHangups().setWriteOnly(this, false);
    }
    m_handles.clear();
    m_retired = true;
    if (m_refs == 0)
        delete this;
}

void FdWatch::deref()
{
    if (--m_refs == 0 && m_retired)
        delete this;
}

void FdWatch::activated(QSocketNotifier::Type type)
{
    const ReadinessMode mode = m_binding.readinessMode();
    if (m_fastPath) {
        if (mode == ReadinessMode::UnixDeferred) {
            collect(type);
            return;
        }
        const quint64 iteration = m_binding.glibIteration();
        if (m_armedIteration != iteration && !m_hangupRecord->hangupOrError()) {
            // Read wakes on IN|HUP|ERR, Write on OUT|ERR; with HUP and ERR
            // ruled out by the same poll(), the side is the whole answer.
            dispatchHeld(sideOf(type), sideOf(type));
            return;
        }
        m_claimedIteration = iteration;
    } else if (mode != ReadinessMode::PollEachActivation && !m_priorityDataSeen) {
        m_fastPath = true;
        applyNotifierState();
    }

    // Also filters activations that are stale by now: the GLib dispatcher
    // delivers them from one poll() even after an earlier callback of the
    // same pass drained the fd.
    const int revents = pollRevents();
    if (revents != 0)
        dispatchHeld(revents, deliverableFor(type));
}

void FdWatch::collect(QSocketNotifier::Type type)
{
    if (m_collected == 0 && !m_exceptional) {
        ref();
        m_binding.deferDispatch(this);
    }
    if (type == QSocketNotifier::Exception)
        m_exceptional = true;
    else
        m_collected |= sideOf(type);
}

void FdWatch::dispatchCollected()
{
    const int collected = std::exchange(m_collected, 0);
    const bool exceptional = std::exchange(m_exceptional, false);
    if (!m_retired) {
        if (!exceptional) {
            // Read and Write fired without Exception, which the Unix
            // dispatcher wakes on HUP and ERR: neither is pending.
            dispatch(collected, collected);
        } else if (const int revents = pollRevents(); revents != 0) {
            if (!(revents & ErrorOrHangup)) {
                m_priorityDataSeen = true;
                m_fastPath = false;
                applyNotifierState();
            }
            dispatch(revents, Readable | Writable | ErrorOrHangup);
        }
    }
    deref();
}

bool FdWatch::hasUnclaimedHangup() const
{
    return m_hangupRecord && m_hangupRecord->registered && m_hangupRecord->hangupOrError()
        && m_claimedIteration != m_binding.glibIteration();
}

void FdWatch::deliverUnclaimedHangup()
{
    if (!hasUnclaimedHangup())
        return;
    m_claimedIteration = m_binding.glibIteration();
    if (const int revents = pollRevents(); revents & ErrorOrHangup)
        dispatchHeld(revents, ErrorOrHangup);
}

void FdWatch::dispatch(int revents, int deliverable)
{
    // Callbacks may add, update or remove registrations, so walk a snapshot
    // and check every handle again right before its call: one removed by an
    // earlier callback of this pass must not run (libvirt tests/eventtest.c,
    // "deleted during dispatch"; libvirtaio a5cc6da). The registrations in
    // the snapshot stay allocated until the outermost dispatch returns.
    const QVarLengthArray<HandleRegistration *, 2> handles = m_handles;
    LoopThreadBinding::DispatchScope scope(m_binding);
    ++m_dispatchDepth;
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
        const HandleRegistration *outer = m_binding.enterHandleCallback(handle);
        handle->cb(handle->id, m_fd, delivered, handle->opaque);
        m_binding.enterHandleCallback(outer);
        handle->running = false;
    }
    --m_dispatchDepth;

    if (!m_retired) {
        if (skippedRunning && m_dispatchDepth > 0) {
            m_suspended |= deliverable & (Readable | Writable);
            applyNotifierState();
        } else if (m_dispatchDepth == 0 && m_suspended != 0) {
            m_suspended = 0;
            applyNotifierState();
        }
    }
    if (m_dispatchDepth == 0)
        m_binding.fireTimeoutsArmedByHandles();
}

void FdWatch::dispatchHeld(int revents, int deliverable)
{
    ref();
    dispatch(revents, deliverable);
    deref();
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
    switch (m_binding.readinessMode()) {
    case ReadinessMode::UnixDeferred:
        setNotifierEnabled(m_exception, QSocketNotifier::Exception, m_fastPath && listening != 0);
        break;
    case ReadinessMode::GlibSideChannel:
        setSideChannel(m_fastPath && listening != 0);
        m_binding.glibHangups().setWriteOnly(this, m_fastPath && listening == Writable);
        break;
    case ReadinessMode::PollEachActivation:
        break;
    }
}

void FdWatch::setNotifierEnabled(std::unique_ptr<QSocketNotifier> &notifier,
                                 QSocketNotifier::Type type, bool enabled)
{
    if (notifier && notifier->isEnabled() == enabled)
        return;
    // The GLib dispatcher leaves a newly registered notifier's revents
    // uninitialised and may deliver it from the poll() that came before:
    // until the next iteration, check such activations the slow way.
    if (enabled)
        m_armedIteration = m_binding.glibIteration();
    if (notifier) {
        notifier->setEnabled(enabled);
        return;
    }
    if (!enabled)
        return;
    // Created on first need and then only toggled: the RPC client flips
    // between 0 and READABLE around every call it makes.
    notifier = std::make_unique<QSocketNotifier>(m_fd, type);
    QObject::connect(notifier.get(), &QSocketNotifier::activated, notifier.get(),
                     [this, type] { activated(type); });
}

void FdWatch::setSideChannel(bool listening)
{
    if (!m_hangupRecord) {
        if (!listening)
            return;
        m_hangupRecord = std::make_unique<HangupRecord>();
        m_hangupRecord->pollfd.fd = m_fd;
    }
    if (listening == m_hangupRecord->registered)
        return;
    // Only while a notifier listens: an events=0 record still wakes poll()
    // on HUP, and a silent handle must not hear it, nor spin the loop. A new
    // record learns nothing from the poll() that came before it.
    if (listening) {
        m_binding.glibHangups().watch(m_hangupRecord.get());
        m_armedIteration = m_binding.glibIteration();
    } else
        m_binding.glibHangups().unwatch(m_hangupRecord.get());
}
