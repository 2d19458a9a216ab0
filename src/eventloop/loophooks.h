// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_LOOPHOOKS_H
#define QTVIRT_EVENTLOOP_LOOPHOOKS_H

// What the layers above may learn from, and ask of, the event loop that
// registerImpl() bound to its thread, in terms of libvirt's handles and
// timeouts alone. The loop has no idea what a caller makes of them.
//
// The one header through which the layers above reach the
// event loop. Loop thread only, except warnIfNoEventImpl(): everything else
// is a no-op (or false) on any other thread and before registerImpl().
// Implemented by LoopThreadBinding and missingeventimpl.cpp.
#include <QtCore/QLoggingCategory>

#include <atomic>

namespace LoopHooks {

// Told of what libvirt's own callbacks do on the loop thread.
class Observer
{
public:
    // A timeout was added by libvirt.
    virtual void timeoutAdded(int timeout) = 0;
    // A timeout was armed to fire at once (interval 0) from inside the
    // callback of handle, which watches fd.
    virtual void timeoutArmedFromHandle(int timeout, int handle, int fd) = 0;

protected:
    ~Observer() = default;
};

// Whether the caller runs on the loop thread of a registered loop.
bool onLoopThread();

// Installs the one observer (nullptr: none). It has to outlive the loop,
// which lives as long as the process.
void setObserver(Observer *observer);

// Stops listening for READABLE on handle (held), whatever libvirt asks for,
// or listens again as libvirt asks (released).
void holdBackReads(int handle, bool held);

// Whether handle is gone, or the peer of its fd has hung up or failed. A
// handle whose reads are held back hears neither.
bool peerGone(int handle);

// Any thread. Warns on category, once per warned flag, when
// QtVirtEventImpl::registerImpl() has not been called: libvirt then has no
// event loop, what goes wrong shows up far from its cause, and nothing else
// would say why. what names the user's call ("QVirtConnection opened"),
// consequence what goes wrong because of it; the advice is the same for
// every caller.
using LoggingCategory = const QLoggingCategory &(*)();
void warnIfNoEventImpl(LoggingCategory category, std::atomic<bool> &warned, const char *what,
                       const char *consequence);

} // namespace LoopHooks

#endif // QTVIRT_EVENTLOOP_LOOPHOOKS_H
