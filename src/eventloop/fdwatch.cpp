// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/fdwatch.h"

#include "eventloop/eventregistry.h"

#include <libvirt/libvirt.h>

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

} // namespace

FdWatch::FdWatch(int fd, EventRegistry &registry)
    : m_fd(fd)
    , m_registry(registry)
{ }

FdWatch::~FdWatch() = default;

void FdWatch::setWanted(int events)
{
    m_wanted = events & (Readable | Writable);
    applyNotifierState();
}

void FdWatch::retire()
{
    // Deleting a notifier from inside its own activated() is supported:
    // QSocketNotifier::event() guards the emission with a QPointer.
    m_read.reset();
    m_write.reset();
    if (m_dispatchDepth > 0)
        m_retired = true;
    else
        delete this;
}

void FdWatch::activated(QSocketNotifier::Type type)
{
    // activated() carries no revents, and neither dispatcher tells HANGUP
    // from readable data (both wake Read on POLLIN|POLLHUP|POLLERR), so ask
    // the kernel. Also filters the stale activations the GLib dispatcher
    // delivers after an earlier callback of the same pass drained the fd.
    const int revents = pollRevents();
    if (revents == 0)
        return;

    // ERROR and HANGUP wake every notifier of the fd on the Unix dispatcher
    // and only Read on the GLib one: deliver them once, through the Read
    // side whenever it listens, so that a WRITABLE-only handle still hears
    // them (the RPC client relies on HANGUP to report EOF).
    const bool readSide = type == QSocketNotifier::Read;
    int deliverable = readSide ? Readable : Writable;
    if (readSide || !(m_read && m_read->isEnabled()))
        deliverable |= ErrorOrHangup;

    ++m_dispatchDepth;
    const bool skippedRunning = m_registry.dispatchHandles(m_fd, revents, deliverable);
    --m_dispatchDepth;

    if (m_retired) {
        if (m_dispatchDepth == 0)
            delete this;
        return;
    }
    if (skippedRunning && m_dispatchDepth > 0) {
        m_suspended |= readSide ? Readable : Writable;
        applyNotifierState();
    } else if (m_dispatchDepth == 0 && m_suspended != 0) {
        m_suspended = 0;
        applyNotifierState();
    }
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

void FdWatch::applyNotifierState()
{
    const int listening = m_wanted & ~m_suspended;
    setNotifierEnabled(m_read, QSocketNotifier::Read, listening & Readable);
    setNotifierEnabled(m_write, QSocketNotifier::Write, listening & Writable);
}

void FdWatch::setNotifierEnabled(std::unique_ptr<QSocketNotifier> &notifier,
                                 QSocketNotifier::Type type, bool enabled)
{
    if (!notifier) {
        if (!enabled)
            return;
        // Created on first need and then only toggled: the RPC client flips
        // between 0 and READABLE around every call it makes.
        notifier = std::make_unique<QSocketNotifier>(m_fd, type);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, notifier.get(),
                         [this, type] { activated(type); });
        return;
    }
    if (notifier->isEnabled() != enabled)
        notifier->setEnabled(enabled);
}
