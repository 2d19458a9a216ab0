// SPDX-License-Identifier: LGPL-2.1-or-later
#include "libvirtpingpong.h"

#include <libvirt/libvirt.h>

#include <cstdio>
#include <cstdlib>

namespace {

int addHandleOrDie(int fd, virEventHandleCallback cb, void *opaque)
{
    const int id = virEventAddHandle(fd, VIR_EVENT_HANDLE_READABLE, cb, opaque, nullptr);
    if (id <= 0) {
        std::fprintf(stderr, "virEventAddHandle(%d) failed\n", fd);
        std::exit(1);
    }
    return id;
}

} // namespace

LibvirtPingPong::LibvirtPingPong(const BenchOptions &options, std::function<void()> quit)
    : m_pingPong(options.roundTrips)
    , m_idle(options.idleHandles)
    , m_quit(std::move(quit))
{
    m_handles.push_back(addHandleOrDie(
        m_pingPong.firstReadFd(),
        [](int, int, int, void *opaque) {
            static_cast<LibvirtPingPong *>(opaque)->m_pingPong.onFirstReadable();
        },
        this));
    m_handles.push_back(addHandleOrDie(
        m_pingPong.secondReadFd(),
        [](int, int, int, void *opaque) {
            auto *self = static_cast<LibvirtPingPong *>(opaque);
            if (!self->m_pingPong.onSecondReadable())
                self->m_quit();
        },
        this));
    for (int fd : m_idle.readFds())
        m_handles.push_back(addHandleOrDie(
            fd, [](int, int, int, void *) {}, nullptr));
    for (int i = 0; i < options.idleTimers; ++i)
        m_timeouts.push_back(virEventAddTimeout(
            IdleTimerIntervalMs, [](int, void *) {}, nullptr, nullptr));
}

LibvirtPingPong::~LibvirtPingPong()
{
    for (int id : m_handles)
        virEventRemoveHandle(id);
    for (int id : m_timeouts)
        virEventRemoveTimeout(id);
}
