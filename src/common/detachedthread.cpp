// SPDX-License-Identifier: LGPL-2.1-or-later
#include "common/detachedthread.h"

#include "common/logging.h"

#include <system_error>
#include <thread>

bool runInDetachedThread(std::function<void()> work)
{
    try {
        std::thread(std::move(work)).detach();
        return true;
    } catch (const std::system_error &error) {
        qCWarning(lcQtVirtConnection, "no thread for a libvirt call: %s", error.what());
        return false;
    }
}
