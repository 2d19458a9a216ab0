// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_REGISTRATION_H
#define QTVIRT_EVENTLOOP_REGISTRATION_H

#include <libvirt/libvirt.h>

#include <atomic>

class FdWatch;
class QTimer;

// One virEventAddHandle() registration. Created by whichever thread calls
// libvirt's addHandle, then shared with the loop thread, which alone frees it
// (after its free callback ran and no dispatch can still reach it).
//
// What other threads may change after publication is atomic, so that the
// loop thread can dispatch without taking the registry's lock: a removal or
// an update takes effect at once, before the loop thread has caught up with
// the notifiers.
struct HandleRegistration
{
    HandleRegistration(int id_, int fd_, int events_, virEventHandleCallback cb_, void *opaque_,
                       virFreeCallback ff_)
        : id(id_)
        , fd(fd_)
        , cb(cb_)
        , opaque(opaque_)
        , ff(ff_)
        , events(events_)
    { }

    const int id;
    const int fd;
    const virEventHandleCallback cb;
    void *const opaque;
    const virFreeCallback ff;
    std::atomic<int> events;
    std::atomic<bool> removed{false};

    // Loop thread only.
    bool running = false;
    // READABLE not listened for, whatever libvirt asks: a layer above holds
    // the reads back (LoopHooks::holdBackReads).
    bool readsHeld = false;
    // Guarded by the registry's lock: already queued for the loop thread.
    bool refreshQueued = false;

    // Loop thread only: the events the notifiers serve.
    int listenedEvents() const
    {
        const int wanted = events.load(std::memory_order_relaxed);
        return readsHeld ? wanted & ~VIR_EVENT_HANDLE_READABLE : wanted;
    }
};

// One virEventAddTimeout() registration; see HandleRegistration.
struct TimeoutRegistration
{
    TimeoutRegistration(int id_, int interval_, virEventTimeoutCallback cb_, void *opaque_,
                        virFreeCallback ff_)
        : id(id_)
        , cb(cb_)
        , opaque(opaque_)
        , ff(ff_)
        , interval(interval_)
    { }

    const int id;
    const virEventTimeoutCallback cb;
    void *const opaque;
    const virFreeCallback ff;
    std::atomic<int> interval;
    std::atomic<bool> removed{false};

    // Loop thread only.
    QTimer *timer = nullptr;
    bool running = false;
    // Its timer fired while the callback ran, and was stopped until the
    // callback returns.
    bool restartAfterRun = false;
    // Guarded by the registry's lock: already queued for the loop thread.
    bool syncQueued = false;
};

#endif // QTVIRT_EVENTLOOP_REGISTRATION_H
