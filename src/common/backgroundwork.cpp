// SPDX-License-Identifier: LGPL-2.1-or-later
#include "common/backgroundwork.h"

#include <condition_variable>
#include <mutex>

namespace {

// Never destroyed: a detached thread may still end its work after static
// destructors ran, when the process exits while a daemon is frozen.
struct Counter
{
    std::mutex mutex;
    std::condition_variable none;
    int running = 0;
};

Counter &counter()
{
    static auto *instance = new Counter;
    return *instance;
}

} // namespace

namespace BackgroundWork {

void begin()
{
    Counter &c = counter();
    const std::lock_guard lock(c.mutex);
    ++c.running;
}

void end()
{
    Counter &c = counter();
    const std::lock_guard lock(c.mutex);
    if (--c.running == 0)
        c.none.notify_all();
}

bool waitUntilNone(QDeadlineTimer deadline)
{
    Counter &c = counter();
    std::unique_lock lock(c.mutex);
    const auto done = [&c] { return c.running == 0; };
    if (deadline.isForever()) {
        c.none.wait(lock, done);
        return true;
    }
    return c.none.wait_until(lock, deadline.deadline<std::chrono::steady_clock>(), done);
}

} // namespace BackgroundWork
