// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_EVENTS_VARIANTS_H
#define QTVIRT_BENCH_EVENTS_VARIANTS_H

#include "measurement.h"

#include <QtCore/QByteArray>

// Each runs in a process of its own (libvirt's event loop registration is
// process-wide and permanent) and receives `events` lifecycle events in the
// main thread, from an EventSource over uri.

// QVirtConnection on QtVirtEventImpl: the events arrive as signals in the
// main thread, no extra thread.
Measurement runQtVirt(int &argc, char **argv, const QByteArray &uri, int events);

// The common approach: libvirt's default event loop in a QThread, and the
// callback forwards each event to the main thread with a queued signal.
Measurement runLoopThread(int &argc, char **argv, const QByteArray &uri, int events);

#endif // QTVIRT_BENCH_EVENTS_VARIANTS_H
