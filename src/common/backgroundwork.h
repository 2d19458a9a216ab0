// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_COMMON_BACKGROUNDWORK_H
#define QTVIRT_COMMON_BACKGROUNDWORK_H

#include <QtCore/QDeadlineTimer>

// Counts libvirt calls running in threads nobody joins (see
// runInDetachedThread()) that still hand handles and timeouts back to the
// event loop: a connection's teardown, for instance, removes them only once
// its virConnectClose() returns. QtVirtEventImpl::waitForPendingFrees()
// waits for this count to reach zero before it waits for the free callbacks
// of those removals.
namespace BackgroundWork {

// From any thread, around each piece of such work.
void begin();
void end();

// True once none runs any more, false when deadline expired first.
bool waitUntilNone(QDeadlineTimer deadline);

} // namespace BackgroundWork

#endif // QTVIRT_COMMON_BACKGROUNDWORK_H
