// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/eventloopcheck.h"

#include "common/logging.h"

#include <QtVirt/qtvirteventimpl.h>

#include <atomic>

void warnIfNoEventLoop()
{
    if (QtVirtEventImpl::isRegistered())
        return;
    // Once: an application that reconnects must not be flooded.
    static std::atomic_flag warned = ATOMIC_FLAG_INIT;
    if (warned.test_and_set())
        return;
    qCWarning(lcQtVirtConnection,
              "QVirtConnection opened before QtVirtEventImpl::registerImpl(): libvirt has no "
              "event loop, so no event, keepalive or loss of the connection will be reported. "
              "Call QtVirtEventImpl::registerImpl() once, in the thread that owns the "
              "connection, before the first open().");
}
