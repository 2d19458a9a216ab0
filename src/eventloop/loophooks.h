// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_LOOPHOOKS_H
#define QTVIRT_EVENTLOOP_LOOPHOOKS_H

// What the layers above may learn from, and ask of, the event loop that
// registerImpl() bound to its thread, in terms of libvirt's handles and
// timeouts alone. The loop has no idea what a caller makes of them.
//
// Loop thread only: everything here is a no-op (or false) on any other
// thread and before registerImpl(). Implemented by LoopThreadBinding.
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

} // namespace LoopHooks

#endif // QTVIRT_EVENTLOOP_LOOPHOOKS_H
