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
    explicit EventRegistrations(void *opaque);

    // Registers what hasListeners() wants and is missing, deregisters what
    // is no longer wanted. conn may be null: then nothing is registered.
    void sync(virConnectPtr conn, const std::function<bool(const QMetaMethod &)> &hasListeners);
    // Before a close, and after a loss: a dead connection still forgets its
    // callbacks locally, and the ids must not outlive it.
    void deregisterAll(virConnectPtr conn);

private:
    static constexpr int None = -1;
    // The driver refused (for example secrets on the test driver): do not
    // ask again until the connection is opened anew.
    static constexpr int Refused = -2;

    void *const m_opaque;
    const std::vector<EventBinding> m_bindings;
    std::vector<int> m_ids;
};

#endif // QTVIRT_CONNECTION_EVENTREGISTRATIONS_H
