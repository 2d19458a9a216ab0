// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_EVENTREGISTRATIONS_H
#define QTVIRT_CONNECTION_EVENTREGISTRATIONS_H

#include "connection/eventbindings.h"

#include <functional>
#include <vector>

// Which libvirt callbacks a connection holds for one object's signals, one
// per bound signal. A callback exists only while its signal has a receiver
// and the connection is open, so that the daemon sends no event nobody
// reads. Used in the connection's SerialWorker only (EventRegistrar).
class EventRegistrations
{
public:
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

    explicit EventRegistrations(const std::vector<EventBinding> &bindings);

    // Per binding, whether its signal has a receiver. In the thread of the
    // signals' object, which alone may ask.
    static std::vector<bool> wanted(const std::vector<EventBinding> &bindings,
                                    const std::function<bool(const QMetaMethod &)> &hasListeners);

    // Registers on conn what wanted (as from wanted()) asks for and is
    // missing, each callback with an opaque pointer from target, and
    // deregisters what is no longer wanted.
    void sync(virConnectPtr conn, const Target &target, const std::vector<bool> &wanted);
    // Deregisters every callback. On a lost connection this fails locally,
    // after forgetting them, which is all that is left to do.
    void clear(virConnectPtr conn);

private:
    static constexpr int None = -1;
    // The driver refused (for example secrets on the test driver): do not
    // ask again on this connection.
    static constexpr int Refused = -2;

    const std::vector<EventBinding> &m_bindings;
    std::vector<int> m_ids;
};

#endif // QTVIRT_CONNECTION_EVENTREGISTRATIONS_H
