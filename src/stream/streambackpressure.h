// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_STREAMBACKPRESSURE_H
#define QTVIRT_STREAM_STREAMBACKPRESSURE_H

#include <functional>

// QVirtStream's way to stop a remote stream's data at the connection's
// socket while its buffer is full (see StreamFeeds). From the thread of
// QtVirtEventImpl only; elsewhere, and before registerImpl(), these do
// nothing and a stream's data is queued by libvirt as before.
namespace StreamBackpressure {

// Runs addCallback, which calls virStreamEventAddCallback(), and returns
// the stream's token, or 0 for a stream that needs none: a local stream
// reads its fd only when asked.
int watchStream(const void *connection, const std::function<void()> &addCallback);
void setStalled(int token, bool stalled);
void unwatchStream(int token);
// Lets libvirt read the sockets held back whose peer hung up, so that the
// connection learns it is closed.
void releaseHungUpConnections();

} // namespace StreamBackpressure

#endif // QTVIRT_STREAM_STREAMBACKPRESSURE_H
