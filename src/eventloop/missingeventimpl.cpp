// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/loophooks.h"

#include <QtVirt/qtvirteventimpl.h>

void LoopHooks::warnIfNoEventImpl(LoggingCategory category, std::atomic<bool> &warned,
                                  const char *what, const char *consequence)
{
    // Once: an application that reconnects must not be flooded.
    if (QtVirtEventImpl::isRegistered() || warned.exchange(true))
        return;
    qCWarning(category,
              "%s before QtVirtEventImpl::registerImpl(): libvirt has no event loop, so %s. Call "
              "QtVirtEventImpl::registerImpl() once, in the thread that owns the connections, "
              "after creating the QCoreApplication and before opening the first connection.",
              what, consequence);
}
