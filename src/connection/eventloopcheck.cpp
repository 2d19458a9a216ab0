// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/eventloopcheck.h"

#include "common/logging.h"
#include "eventloop/missingeventimpl.h"

void warnIfNoEventLoop()
{
    static std::atomic<bool> warned{false};
    warnIfNoEventImpl(lcQtVirtConnection, warned, "QVirtConnection opened",
                      "no event, keepalive or loss of the connection will be reported");
}
