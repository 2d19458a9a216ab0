// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_FDWATCH_H
#define QTVIRT_EVENTLOOP_FDWATCH_H

#include <QtCore/QSocketNotifier>
#include <QtCore/QVarLengthArray>

#include <memory>

class LoopThreadBinding;
struct HandleRegistration;
struct HangupRecord;

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
    FdWatch(int fd, LoopThreadBinding &binding);
    ~FdWatch();
    FdWatch(const FdWatch &) = delete;
    FdWatch &operator=(const FdWatch &) = delete;

    void attach(HandleRegistration *handle);
    void detach(HandleRegistration *handle);
    bool isEmpty() const { return m_handles.isEmpty(); }

    // Listens for the union of the attached handles' events.
    void refresh();

    // Drops the notifiers at once, so that the fd may be closed and reused,
    // and destroys this watch now or, while something still refers to it
    // (a callback on the stack, a deferred dispatch), as soon as that ends.
    void retire();

    // ReadinessMode::UnixDeferred: dispatches what this pass's activations
    // collected. Releases the reference taken when they were collected.
    void dispatchCollected();

    // ReadinessMode::GlibSideChannel: a HANGUP or ERROR that no notifier
    // activation reported in this iteration (GLib's Write notifier does not
    // wake on POLLHUP), and its delivery.
    bool hasUnclaimedHangup() const;
    void deliverUnclaimedHangup();

private:
    void activated(QSocketNotifier::Type type);
    void collect(QSocketNotifier::Type type);
    // The caller holds a reference: a callback may retire this watch.
    void dispatch(int revents, int deliverable);
    void dispatchHeld(int revents, int deliverable);
    int pollRevents() const;
    int deliverableFor(QSocketNotifier::Type type) const;
    void applyNotifierState();
    void setNotifierEnabled(std::unique_ptr<QSocketNotifier> &notifier, QSocketNotifier::Type type,
                            bool enabled);
    void setSideChannel(bool listening);
    void ref() { ++m_refs; }
    void deref();

    const int m_fd;
    LoopThreadBinding &m_binding;
    QVarLengthArray<HandleRegistration *, 2> m_handles;
    std::unique_ptr<QSocketNotifier> m_read;
    std::unique_ptr<QSocketNotifier> m_write;
    int m_wanted = 0;
    // READABLE/WRITABLE sides silenced while a callback of theirs runs a
    // nested event loop, so that the still-ready fd does not spin it.
    int m_suspended = 0;
    int m_dispatchDepth = 0;
    int m_refs = 0;
    bool m_retired = false;
    // The fast readiness path costs a notifier or poll record per fd, so it
    // is armed at an fd's first activation: idle fds never pay for it.
    bool m_fastPath = false;

    // ReadinessMode::UnixDeferred
    std::unique_ptr<QSocketNotifier> m_exception;
    int m_collected = 0;
    bool m_exceptional = false;
    // Out-of-band data (POLLPRI) wakes the Exception notifier without
    // HANGUP or ERROR and never goes away, since libvirt does not read it:
    // such an fd stays on a poll() per activation.
    bool m_priorityDataSeen = false;

    // ReadinessMode::GlibSideChannel
    std::unique_ptr<HangupRecord> m_hangupRecord;
    // The GLib iteration whose poll() may not have seen the current
    // notifiers, and the one in which an activation already reported HANGUP
    // or ERROR.
    quint64 m_armedIteration = 0;
    quint64 m_claimedIteration = 0;
};

#endif // QTVIRT_EVENTLOOP_FDWATCH_H
