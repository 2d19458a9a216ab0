// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/connectionteardown.h"

#include "common/logging.h"
#include "common/serialworker.h"
#include "connection/connectionlink.h"
#include "connection/eventregistrar.h"

#include <libvirt/virterror.h>

namespace {

void run(ConnectionTeardown &teardown)
{
    virConnectPtr conn = teardown.conn.get();
    if (teardown.registrar)
        teardown.registrar->clear();
    if (teardown.closeCallback)
        virConnectUnregisterCloseCallback(conn, teardown.closeCallback);
    // Unregistering waits for a call in progress, so none can follow.
    if (teardown.closeCallbackOpaque)
        ConnectionLink::release(teardown.closeCallbackOpaque);
    virResetLastError();
    teardown.registrar.reset();
    teardown.conn.reset();
}

} // namespace

void ConnectionTeardown::start(std::chrono::milliseconds grace) &&
{
    const std::shared_ptr<SerialWorker> queue
        = worker ? std::move(worker) : SerialWorker::create(lcQtVirtConnection);
    auto teardown = std::make_shared<ConnectionTeardown>(std::move(*this));
    queue->run([teardown] { run(*teardown); }, grace);
}
