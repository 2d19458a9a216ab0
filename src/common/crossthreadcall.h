// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_COMMON_CROSSTHREADCALL_H
#define QTVIRT_COMMON_CROSSTHREADCALL_H

#include <functional>

class QEvent;
class QObject;

// Runs a function in a receiver's thread, posted from any thread.
//
// Not a queued invokeMethod(): its slot object is allocated in the calling
// thread and released inside QtCore, whose futex-based locking and
// reference counting the thread sanitizer cannot see, so every hand-over
// would show up as a race. Here the event is ours: the poster releases it,
// the receiver acquires it before touching it, and the poster's accesses
// to QtCore's queue during the post are not recorded.
namespace CrossThreadCall {

// The receiver must pass its events to deliver().
void post(QObject *receiver, std::function<void()> call);

// For the receiver's event(): runs a posted call and returns true, or
// returns false for any other event.
bool deliver(QEvent *event);

} // namespace CrossThreadCall

#endif // QTVIRT_COMMON_CROSSTHREADCALL_H
