// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_EVENTBINDINGS_H
#define QTVIRT_CONNECTION_EVENTBINDINGS_H

#include <QtCore/QMetaMethod>

#include <libvirt/libvirt.h>

#include <vector>

// One libvirt event ID and the QVirtConnection signal it feeds. The
// callback's opaque pointer is a reference to the connection's
// ConnectionLink, released by libvirt through freecb.
struct EventBinding
{
    const char *name; // for log messages
    QMetaMethod signal;
    // Callback id, or -1 (then freecb is not called).
    int (*registerCallback)(virConnectPtr conn, void *opaque, virFreeCallback freecb);
    int (*deregisterCallback)(virConnectPtr conn, int callbackId);
};

// The 27 domain events of libvirt 9.0.
std::vector<EventBinding> domainEventBindings();
// Network, storage pool, node device and secret events.
std::vector<EventBinding> objectEventBindings();

#endif // QTVIRT_CONNECTION_EVENTBINDINGS_H
