// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_EVENTREGISTRY_H
#define QTVIRT_EVENTLOOP_EVENTREGISTRY_H

#include "eventloop/registration.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QHash>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

// The registrations libvirt made, shared by every thread that calls the
// event implementation, and the work the loop thread has to catch up with.
// The rules it keeps (ids, removal, free callbacks run later and outside
// any lock) are in docs/libvirt-event-contract.md, "Ids" and "Removal and
// free callbacks".
// It owns no Qt object: the notifiers and timers live in LoopThreadBinding.
//
// One mutex guards the maps and the pending work. It is never held while a
// libvirt callback or free callback runs, because those call straight back
// in (libvirt-glib dd17c3c). The dispatch path does not take it at all.
//
// std::mutex rather than QMutex: its slow path is in pthread, which the
// thread sanitizer understands; QMutex's is inside uninstrumented QtCore.
class EventRegistry
{
public:
    // Who asks for a change. The loop thread applies it to its notifiers and
    // timers at once; any other thread leaves it in the pending work,
    // recorded in the same critical section as the change itself, so that
    // the loop thread can never run a free callback before it has dropped
    // the notifier or timer of that registration.
    enum class Caller { LoopThread, OtherThread };

    // A removed registration, waiting for its free callback.
    struct Retired
    {
        std::unique_ptr<HandleRegistration> handle;
        std::unique_ptr<TimeoutRegistration> timeout;
    };

    struct PendingWork
    {
        // Added, updated or removed by other threads.
        std::vector<HandleRegistration *> handles;
        std::vector<TimeoutRegistration *> timeouts;
        // Removed by any thread, in order.
        std::vector<Retired> retired;
    };

    // Called, without the lock, whenever the loop thread has work waiting
    // in takePendingWork(); at most once until that work is taken.
    explicit EventRegistry(std::function<void()> wakeLoopThread);

    // The registration a call created or changed, or nullptr when the id is
    // unknown, nothing changed, or no id is left. Only the loop thread may
    // use the pointer; it stays valid there until the loop thread frees it.
    HandleRegistration *addHandle(Caller caller, int fd, int events, virEventHandleCallback cb,
                                  void *opaque, virFreeCallback ff);
    HandleRegistration *updateHandle(Caller caller, int id, int events);
    HandleRegistration *removeHandle(Caller caller, int id);
    TimeoutRegistration *addTimeout(Caller caller, int interval, virEventTimeoutCallback cb,
                                    void *opaque, virFreeCallback ff);
    TimeoutRegistration *updateTimeout(Caller caller, int id, int interval);
    TimeoutRegistration *removeTimeout(Caller caller, int id);

    bool ownsTimeout(int id) const;
    // Loop thread only: a registration that is not removed, or nullptr.
    HandleRegistration *handle(int id) const;
    TimeoutRegistration *timeout(int id) const;

    // Loop thread only: everything recorded for it since the last call.
    PendingWork takePendingWork();

    // Free-callback accounting, for waitForPendingFrees().
    void freesDone(std::size_t count);
    bool hasOutstandingFrees() const;
    bool waitUntilNoOutstandingFrees(QDeadlineTimer deadline);

private:
    bool queueHandle(Caller caller, HandleRegistration *handle);
    bool queueTimeout(Caller caller, TimeoutRegistration *timeout);
    bool retire(Retired retired);
    bool takeWake();
    void wakeIf(bool needed) const;

    const std::function<void()> m_wakeLoopThread;
    mutable std::mutex m_mutex;
    std::condition_variable m_freesDone;
    // Ids are positive and never reused, so that a stale id can never reach
    // a later registration (docs/libvirt-event-contract.md, "Ids").
    int m_lastHandleId = 0;
    int m_lastTimeoutId = 0;
    QHash<int, HandleRegistration *> m_handles;
    QHash<int, TimeoutRegistration *> m_timeouts;
    PendingWork m_pending;
    std::size_t m_outstandingFrees = 0;
    bool m_wakePosted = false;
};

#endif // QTVIRT_EVENTLOOP_EVENTREGISTRY_H
