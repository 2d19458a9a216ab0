// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_CROSSTHREADWAKE_H
#define QTVIRT_EVENTLOOP_CROSSTHREADWAKE_H

#include <QtCore/QEvent>

class QObject;

// Wakes a receiver's thread from any other thread with a posted event, so
// that no descriptor of ours joins the poll() of every loop iteration: Qt's
// own wakeup descriptor is polled anyway.
//
// Posted events travel through QtCore's internal, futex-based locking,
// which the thread sanitizer cannot see. The event is allocated here, so
// the hand-over can be announced to it: released by the poster, acquired by
// the receiver before it touches the event; and the sanitizer is told to
// ignore the poster's accesses to QtCore's queue during the post.
namespace CrossThreadWake {

void post(QObject *receiver);

// For the receiver's event(): true, and the event consumed, for a wake.
bool receive(QEvent *event);

} // namespace CrossThreadWake

#endif // QTVIRT_EVENTLOOP_CROSSTHREADWAKE_H
