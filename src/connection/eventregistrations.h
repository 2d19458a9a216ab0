// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_EVENTREGISTRATIONS_H
#define QTVIRT_CONNECTION_EVENTREGISTRATIONS_H

#include "connection/eventbindings.h"

#include <functional>
#include <vector>

// Which libvirt callbacks a connection holds, one per bound signal. A
// callback exists only while its signal has a receiver and the connection
// is open, so that the daemon sends no event nobody reads.
class EventRegistrations
{
public:
    // A callback libvirt holds, as a teardown needs it.
    struct Registration
    {
        int (*deregister)(virConnectPtr conn, int callbackId);
        int id;
    };

    // Whom the callbacks are for.
    struct Target
    {
        // The domain they are limited to, looked up when a callback is to
        // be registered; null when it cannot be found (nothing is then
        // registered). An empty function: every domain.
        std::function<virDomainPtr()> domain;
        // The opaque pointer for one more callback, and how libvirt frees it.
        std::function<void *()> retain;
        virFreeCallback release;
    };

    // Every QVirtConnection signal: domain events and those of other objects.
    EventRegistrations();
    explicit EventRegistrations(std::vector<EventBinding> bindings);

    // Registers what hasListeners() wants and is missing, each callback
    // with an opaque pointer from target, and deregisters what is no longer
    // wanted. conn may be null: then nothing is registered.
    void sync(virConnectPtr conn, const Target &target,
              const std::function<bool(const QMetaMethod &)> &hasListeners);
    // Before a close, and after a loss: hands over the callbacks for a
    // ConnectionTeardown (a dead connection still forgets them locally),
    // and forgets their ids, which must not outlive the connection.
    std::vector<Registration> takeAll();

private:
    static constexpr int None = -1;
    // The driver refused (for example secrets on the test driver): do not
    // ask again until the connection is opened anew.
    static constexpr int Refused = -2;

    const std::vector<EventBinding> m_bindings;
    std::vector<int> m_ids;
};

#endif // QTVIRT_CONNECTION_EVENTREGISTRATIONS_H
