// SPDX-License-Identifier: LGPL-2.1-or-later
#include "common/detachedthread.h"

#include <system_error>
#include <thread>

bool runInDetachedThread(std::function<void()> work, QMessageLogger::CategoryFunction category)
{
    try {
        std::thread(std::move(work)).detach();
        return true;
    } catch (const std::system_error &error) {
        qCWarning(category, "no thread for a libvirt call: %s", error.what());
        return false;
    }
}
