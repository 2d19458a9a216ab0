// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/eventloopcheck.h"

#include "common/logging.h"
#include "eventloop/loophooks.h"

void warnIfNoEventLoop()
{
    static std::atomic<bool> warned{false};
    LoopHooks::warnIfNoEventImpl(lcQtVirtConnection, warned, "QVirtConnection opened",
                                 "no event, keepalive or loss of the connection will be reported");
}
