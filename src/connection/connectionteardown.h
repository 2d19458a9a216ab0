// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_CONNECTIONTEARDOWN_H
#define QTVIRT_CONNECTION_CONNECTIONTEARDOWN_H

#include "connection/connectionhandle.h"

#include <chrono>
#include <memory>

class EventRegistrar;
class SerialWorker;

// Everything libvirt needs to let go of a connection QVirtConnection no
// longer uses: its event callbacks are deregistered, its close callback
// unregistered and its reference dropped with virConnectClose(). Each of
// those may be a round trip to the daemon, which a frozen daemon never
// answers, so it runs as the last task of the connection's SerialWorker,
// after the registrations queued before it, counted by BackgroundWork for
// QtVirtEventImpl::waitForPendingFrees().
struct ConnectionTeardown
{
    ConnectionHandle conn;
    // Null when no callbacks were ever registered.
    std::shared_ptr<EventRegistrar> registrar = {};
    // Null when no close callback is registered.
    virConnectCloseFunc closeCallback = nullptr;
    // The close callback's ConnectionLink::retain(), released once the
    // callback is unregistered.
    void *closeCallbackOpaque = nullptr;
    // The connection's worker; null when it has none (a new one is made).
    std::shared_ptr<SerialWorker> worker = {};

    // Queues the teardown and waits for it up to grace (see
    // SerialWorker::run()): a daemon that answers in time has forgotten the
    // callbacks when this returns, as if the teardown had run here; a
    // slower one is left to the worker.
    void start(std::chrono::milliseconds grace) &&;
};

#endif // QTVIRT_CONNECTION_CONNECTIONTEARDOWN_H
