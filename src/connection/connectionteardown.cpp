// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/connectionteardown.h"

#include "common/backgroundwork.h"
#include "common/detachedthread.h"
#include "common/logging.h"
#include "connection/connectionlink.h"

#include <libvirt/virterror.h>

#include <condition_variable>
#include <memory>
#include <mutex>

namespace {

struct Completion
{
    std::mutex mutex;
    std::condition_variable changed;
    bool done = false;
};

void run(ConnectionTeardown &teardown)
{
    virConnectPtr conn = teardown.conn.get();
    // On a lost connection these fail locally, after forgetting the
    // callbacks, which is all that is left to do.
    for (const EventRegistrations::Registration &registration : teardown.registrations)
        registration.deregister(conn, registration.id);
    if (teardown.closeCallback)
        virConnectUnregisterCloseCallback(conn, teardown.closeCallback);
    // Unregistering waits for a call in progress, so none can follow.
    if (teardown.closeCallbackOpaque)
        ConnectionLink::release(teardown.closeCallbackOpaque);
    virResetLastError();
    teardown.conn.reset();
}

} // namespace

void ConnectionTeardown::start(std::chrono::milliseconds grace) &&
{
    auto completion = std::make_shared<Completion>();
    auto teardown = std::make_shared<ConnectionTeardown>(std::move(*this));
    BackgroundWork::begin();
    const bool started = runInDetachedThread(
        [teardown, completion] {
            run(*teardown);
            BackgroundWork::end();
            const std::lock_guard lock(completion->mutex);
            completion->done = true;
            completion->changed.notify_all();
        },
        lcQtVirtConnection);
    if (!started) {
        // Late rather than never: a teardown waits for nothing from this
        // thread, and the connection would leak otherwise.
        run(*teardown);
        BackgroundWork::end();
        return;
    }
    std::unique_lock lock(completion->mutex);
    completion->changed.wait_for(lock, grace, [&completion] { return completion->done; });
}
