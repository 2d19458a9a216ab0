// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/wakechannel.h"

#include <cerrno>
#include <cstdint>
#include <sys/eventfd.h>
#include <unistd.h>

int WakeChannel::createEventFd()
{
    return ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

WakeChannel::WakeChannel(int eventFd, std::function<void()> onWake)
    : m_fd(eventFd)
    , m_notifier(m_fd, QSocketNotifier::Read)
    , m_onWake(std::move(onWake))
{
    QObject::connect(&m_notifier, &QSocketNotifier::activated, &m_notifier, [this] {
        std::uint64_t count = 0;
        while (::read(m_fd, &count, sizeof count) < 0 && errno == EINTR) { }
        m_onWake();
    });
}

WakeChannel::~WakeChannel()
{
    m_notifier.setEnabled(false);
    ::close(m_fd);
}

void WakeChannel::wake()
{
    const std::uint64_t one = 1;
    // EAGAIN means the counter is saturated: the loop is woken anyway.
    while (::write(m_fd, &one, sizeof one) < 0 && errno == EINTR) { }
}
