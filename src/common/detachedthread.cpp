// SPDX-License-Identifier: LGPL-2.1-or-later
#include "common/detachedthread.h"

#include <memory>
#include <system_error>
#include <thread>

void runInDetachedThread(std::function<void()> work, QMessageLogger::CategoryFunction category)
{
    // One function object, shared so that a failed thread start leaves it
    // intact: whatever work holds (a connection) is released by work itself
    // or with that object, never by a copy of it left in this thread.
    auto shared = std::make_shared<std::function<void()>>(std::move(work));
    try {
        std::thread([shared] { (*shared)(); }).detach();
    } catch (const std::system_error &error) {
        qCWarning(category, "no thread for a libvirt call (%s): running it here", error.what());
        (*shared)();
    }
}
