// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_EVENTWAIT_H
#define QTVIRT_BENCH_EVENTWAIT_H

#include <functional>

// Runs the calling thread's event loop until done() holds or deadlineMs
// have passed; whether done() holds. The thread sleeps between events, as
// an application in QCoreApplication::exec() does: a benchmark that polled
// in a busy loop instead would take a processor from the daemon and the
// worker threads it measures, and on two cores slow them down.
bool runEventsUntil(const std::function<bool()> &done, int deadlineMs);

#endif // QTVIRT_BENCH_EVENTWAIT_H
