// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_EVENTBINDINGS_H
#define QTVIRT_CONNECTION_EVENTBINDINGS_H

#include <QtCore/QMetaMethod>

#include <libvirt/libvirt.h>

#include <vector>

// One libvirt event ID and the signal it feeds: a QVirtConnection signal,
// or a QVirtDomainEvents one. The callback's opaque pointer is what the
// registering side retained for it (a ConnectionLink or a DomainEventsLink
// reference), released by libvirt through freecb.
struct EventBinding
{
    const char *name; // for log messages
    QMetaMethod signal;
    // Callback id, or -1 (then freecb is not called). dom limits the
    // callback to that domain's events (libvirt filters them in the daemon);
    // null for all, and always null for other objects than domains.
    int (*registerCallback)(virConnectPtr conn, virDomainPtr dom, void *opaque,
                            virFreeCallback freecb);
    int (*deregisterCallback)(virConnectPtr conn, int callbackId);
};

// The 27 domain events of libvirt 9.0, for QVirtConnection's signals.
std::vector<EventBinding> domainEventBindings();
// The same, for QVirtDomainEvents's signals.
std::vector<EventBinding> oneDomainEventBindings();
// Network, storage pool, node device and secret events.
std::vector<EventBinding> objectEventBindings();

#endif // QTVIRT_CONNECTION_EVENTBINDINGS_H
