// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_CONNECTIONTEARDOWN_H
#define QTVIRT_CONNECTION_CONNECTIONTEARDOWN_H

#include "connection/connectionhandle.h"
#include "connection/eventregistrations.h"

#include <chrono>
#include <vector>

// Everything libvirt needs to let go of a connection QVirtConnection no
// longer uses: its event callbacks are deregistered, its close callback
// unregistered and its reference dropped with virConnectClose(). Each of
// those may be a round trip to the daemon, which a frozen daemon never
// answers, so it runs in a thread of its own (runInDetachedThread()),
// counted by BackgroundWork for QtVirtEventImpl::waitForPendingFrees().
struct ConnectionTeardown
{
    ConnectionHandle conn;
    std::vector<EventRegistrations::Registration> registrations;
    // Null when no close callback is registered.
    virConnectCloseFunc closeCallback = nullptr;
    // The close callback's ConnectionLink::retain(), released once the
    // callback is unregistered.
    void *closeCallbackOpaque = nullptr;

    // Starts the teardown and waits for it up to grace: a daemon that
    // answers in time has forgotten the callbacks when this returns, as if
    // the teardown had run here; a slower one is left to the thread.
    void start(std::chrono::milliseconds grace) &&;
};

#endif // QTVIRT_CONNECTION_CONNECTIONTEARDOWN_H
