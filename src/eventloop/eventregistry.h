// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_EVENTREGISTRY_H
#define QTVIRT_EVENTLOOP_EVENTREGISTRY_H

#include <QtCore/QDeadlineTimer>
#include <QtCore/QHash>
#include <QtCore/QSet>
#include <QtCore/QVarLengthArray>

#include <libvirt/libvirt.h>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

// The registrations libvirt made, shared by every thread that calls the
// event implementation. It owns no Qt object: the notifiers and timers that
// serve these registrations live in LoopThreadBinding.
//
// One mutex guards everything. It is never held while a libvirt callback or
// free callback runs, because those call straight back into the registry
// (libvirt-glib dd17c3c).
//
// std::mutex rather than QMutex: its slow path is in pthread, which the
// thread sanitizer understands; QMutex's is inside uninstrumented QtCore.
class EventRegistry
{
public:
    using FdIds = QVarLengthArray<int, 2>;

    struct FreeCall
    {
        virFreeCallback ff;
        void *opaque;
    };

    // Work the loop thread has to catch up with, handed over in one piece.
    struct PendingWork
    {
        QSet<int> fds;
        QSet<int> timeouts;
        std::vector<FreeCall> frees;
    };

    // Who asks for a change. The loop thread applies it to its notifiers and
    // timers at once; any other thread leaves it here, recorded in the same
    // critical section as the change itself, so that the loop thread can
    // never run a free callback before it has dropped the notifier or timer
    // of that registration.
    enum class Caller { LoopThread, OtherThread };

    // Called, without the lock, whenever the loop thread has work waiting
    // in takePendingWork(); at most once until that work is taken.
    explicit EventRegistry(std::function<void()> wakeLoopThread);

    // Handles. Ids are positive and never reused, so that a stale id can
    // never reach a later registration.
    int addHandle(Caller caller, int fd, int events, virEventHandleCallback cb, void *opaque,
                  virFreeCallback ff);
    // The fd whose event set changed, or nothing when the id is unknown or
    // the set is unchanged.
    std::optional<int> updateHandle(Caller caller, int id, int events);
    // The fd of the removed handle, or nothing when the id is unknown. From
    // then on the id is unknown and its free callback is queued.
    std::optional<int> removeHandle(Caller caller, int id);
    // The union of the event sets registered on fd; nothing when no handle
    // is registered on it any more.
    std::optional<int> eventsOnFd(int fd) const;

    // Calls every handle registered on fd that waits for any of revents
    // within deliverable. A handle whose callback is already running further
    // up the stack is skipped; returns true when that happened.
    bool dispatchHandles(int fd, int revents, int deliverable);

    // Timeouts: the interval is in milliseconds, -1 disables, 0 means
    // "every loop iteration".
    int addTimeout(Caller caller, int interval, virEventTimeoutCallback cb, void *opaque,
                   virFreeCallback ff);
    // False when the id is unknown or nothing changed.
    bool updateTimeout(Caller caller, int id, int interval);
    bool removeTimeout(Caller caller, int id);
    // The interval of a live timeout, or nothing when the id is unknown.
    std::optional<int> timeoutInterval(int id) const;
    void fireTimeout(int id);

    // Loop thread only: everything recorded for it since the last call.
    PendingWork takePendingWork();

    // Free-callback accounting, for waitForPendingFrees().
    void freesDone(std::size_t count);
    bool hasOutstandingFrees() const;
    bool waitUntilNoOutstandingFrees(QDeadlineTimer deadline);

private:
    struct HandleEntry
    {
        int fd;
        int events;
        virEventHandleCallback cb;
        void *opaque;
        virFreeCallback ff;
        bool running = false;
    };

    struct TimeoutEntry
    {
        int interval;
        virEventTimeoutCallback cb;
        void *opaque;
        virFreeCallback ff;
    };

    // Each returns true when the caller must wake the loop thread, once
    // the lock is released: once per batch, however many changes pile up.
    bool deferFd(Caller caller, int fd);
    bool deferTimeout(Caller caller, int id);
    bool queueFree(virFreeCallback ff, void *opaque);
    bool takeWake();
    void wakeIf(bool needed) const;

    const std::function<void()> m_wakeLoopThread;

    mutable std::mutex m_mutex;
    std::condition_variable m_freesDone;
    int m_lastHandleId = 0;
    int m_lastTimeoutId = 0;
    QHash<int, HandleEntry> m_handles;
    QHash<int, FdIds> m_handlesByFd;
    QHash<int, TimeoutEntry> m_timeouts;
    PendingWork m_pending;
    std::size_t m_outstandingFrees = 0;
    bool m_wakePosted = false;
};

#endif // QTVIRT_EVENTLOOP_EVENTREGISTRY_H
