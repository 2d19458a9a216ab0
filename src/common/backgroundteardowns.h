// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_COMMON_BACKGROUNDTEARDOWNS_H
#define QTVIRT_COMMON_BACKGROUNDTEARDOWNS_H

#include <QtCore/QDeadlineTimer>

// Counts the libvirt connections that QVirtConnection closes in a thread of
// their own (see ConnectionTeardown), so that
// QtVirtEventImpl::waitForPendingFrees() can wait for them: only once a
// teardown ran its virConnectClose() has libvirt handed over the handles and
// timeouts whose free callbacks that function waits for.
namespace BackgroundTeardowns {

// From any thread, around each teardown.
void begin();
void end();

// True once no teardown runs any more, false when deadline expired first.
bool waitUntilNone(QDeadlineTimer deadline);

} // namespace BackgroundTeardowns

#endif // QTVIRT_COMMON_BACKGROUNDTEARDOWNS_H
