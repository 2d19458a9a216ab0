// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_WAKECHANNEL_H
#define QTVIRT_EVENTLOOP_WAKECHANNEL_H

#include <QtCore/QSocketNotifier>

#include <functional>

// Wakes the loop thread from any other thread, through an eventfd.
//
// Not a queued call: posting one allocates its QMetaCallEvent in the
// calling thread and hands it over through QtCore's internal locking, which
// the thread sanitizer cannot see, so every cross-thread change would show
// up as a race; an eventfd write and read is a hand-over it understands,
// and costs no allocation.
class WakeChannel
{
public:
    // A non-blocking eventfd, or -1 (with errno set) when none can be had.
    static int createEventFd();

    // In the loop thread, taking over eventFd; onWake runs there, once per
    // batch of wake() calls.
    WakeChannel(int eventFd, std::function<void()> onWake);
    ~WakeChannel();
    WakeChannel(const WakeChannel &) = delete;
    WakeChannel &operator=(const WakeChannel &) = delete;

    // Any thread; never blocks.
    void wake();

private:
    const int m_fd;
    QSocketNotifier m_notifier;
    const std::function<void()> m_onWake;
};

#endif // QTVIRT_EVENTLOOP_WAKECHANNEL_H
