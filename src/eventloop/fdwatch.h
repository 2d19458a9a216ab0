// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_FDWATCH_H
#define QTVIRT_EVENTLOOP_FDWATCH_H

#include "eventloop/readiness.h"

#include <QtCore/QSocketNotifier>
#include <QtCore/QVarLengthArray>

#include <libvirt/libvirt.h>

#include <memory>

class DispatchDepth;
class TimeoutTimers;
struct HandleRegistration;

// The notifiers of one file descriptor, shared by every libvirt handle
// registered on it, and the dispatch of its events. Loop thread only.
//
// libvirt may register one fd several times with different event sets, but
// Qt's Unix dispatcher keeps a single slot per (fd, type): a second notifier
// takes the slot over and the first goes deaf. So there is at most one
// notifier per type and fd, serving the union of the sets.
class FdWatch
{
public:
    static constexpr int Readable = VIR_EVENT_HANDLE_READABLE;
    static constexpr int Writable = VIR_EVENT_HANDLE_WRITABLE;
    static constexpr int ErrorOrHangup = VIR_EVENT_HANDLE_ERROR | VIR_EVENT_HANDLE_HANGUP;

    FdWatch(int fd, Readiness &readiness, DispatchDepth &depth, TimeoutTimers &timers);
    ~FdWatch();
    FdWatch(const FdWatch &) = delete;
    FdWatch &operator=(const FdWatch &) = delete;

    int fd() const { return m_fd; }

    void attach(HandleRegistration *handle);
    void detach(HandleRegistration *handle);
    bool isEmpty() const { return m_handles.isEmpty(); }

    // Listens for the union of the attached handles' events.
    void refresh();

    // Drops the notifiers at once, so that the fd may be closed and reused,
    // and destroys this watch now or, while something still refers to it
    // (a callback on the stack, a deferred dispatch), as soon as that ends.
    void retire();
    bool isRetired() const { return m_retired; }
    void hold() { ++m_holds; }
    void release();

    // For the readiness strategy. The caller of dispatch() holds a
    // reference, since a callback may retire this watch.
    void dispatch(int revents, int deliverable);
    void dispatchHeld(int revents, int deliverable);
    // A zero-timeout poll() for what the notifiers listen for, dispatched
    // as an activation of type calls for. Also filters activations that are
    // stale by now: the GLib dispatcher delivers them from one poll() even
    // after an earlier callback of the same pass drained the fd.
    void pollAndDispatch(QSocketNotifier::Type type);
    int pollRevents() const;
    static int sideOf(QSocketNotifier::Type type)
    {
        return type == QSocketNotifier::Read ? Readable : Writable;
    }

private:
    int deliverableFor(QSocketNotifier::Type type) const;
    void applyNotifierState();
    void setNotifierEnabled(std::unique_ptr<QSocketNotifier> &notifier, QSocketNotifier::Type type,
                            bool enabled);

    const int m_fd;
    DispatchDepth &m_depth;
    TimeoutTimers &m_timers;
    const std::unique_ptr<FdReadiness> m_readiness;
    QVarLengthArray<HandleRegistration *, 2> m_handles;
    std::unique_ptr<QSocketNotifier> m_read;
    std::unique_ptr<QSocketNotifier> m_write;
    int m_wanted = 0;
    // READABLE/WRITABLE sides silenced while a callback of theirs runs a
    // nested event loop, so that the still-ready fd does not spin it.
    int m_suspended = 0;
    // A dispatch of this fd is on the stack.
    bool m_dispatching = false;
    int m_holds = 0;
    bool m_retired = false;
};

#endif // QTVIRT_EVENTLOOP_FDWATCH_H
