// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_EVENTDELIVERY_H
#define QTVIRT_CONNECTION_EVENTDELIVERY_H

#include "connection/connectionlink.h"

#include <QtVirt/qvirtconnection.h>

#include <utility>

// Emits through emitter in the connection's thread. libvirt calls back in
// the thread that runs its loop, normally the connection's own; when they
// differ, the emission is queued rather than made from the wrong thread.
// opaque is the connection's ConnectionLink, which drops the emission when
// the connection is no longer the owner's.
template<typename Emitter> void deliverEvent(void *opaque, Emitter emitter)
{
    ConnectionLink::from(opaque).deliver(emitter);
}

// Where a callback sends its event: QVirtConnection's signals, through the
// connection's ConnectionLink.
struct ToConnection
{
    using Target = QVirtConnection;
    template<typename Emitter> static void deliver(void *opaque, Emitter emitter)
    {
        deliverEvent(opaque, std::move(emitter));
    }
};

// Plain function pointers of another signature, as libvirt's register
// functions take them; going through void(*)() keeps -Wcast-function-type
// quiet about a cast libvirt itself requires.
template<typename Generic, typename Specific> Generic genericCallback(Specific callback)
{
    return reinterpret_cast<Generic>(reinterpret_cast<void (*)()>(callback));
}

#endif // QTVIRT_CONNECTION_EVENTDELIVERY_H
