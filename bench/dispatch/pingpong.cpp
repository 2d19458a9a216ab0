// SPDX-License-Identifier: LGPL-2.1-or-later
#include "pingpong.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace {

void makePipe(int fds[2])
{
    if (::pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) {
        std::perror("pipe2");
        std::exit(1);
    }
}

void passByte(int from, int to)
{
    char byte = 0;
    if (::read(from, &byte, 1) != 1 || ::write(to, &byte, 1) != 1) {
        std::perror("ping-pong");
        std::exit(1);
    }
}

// 1,000 idle pipes need 2,000 descriptors, twice the usual soft limit.
void raiseDescriptorLimit(rlim_t needed)
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < needed) {
        limit.rlim_cur = std::min(needed, limit.rlim_max);
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

PingPong::PingPong(int roundTrips)
    : m_roundTrips(roundTrips)
    , m_warmup(roundTrips / 10)
{
    makePipe(m_first);
    makePipe(m_second);
}

PingPong::~PingPong()
{
    for (int fd : {m_first[0], m_first[1], m_second[0], m_second[1]})
        ::close(fd);
}

void PingPong::start()
{
    const char byte = 'x';
    if (::write(m_first[1], &byte, 1) != 1) {
        std::perror("ping-pong start");
        std::exit(1);
    }
}

void PingPong::onFirstReadable()
{
    passByte(m_first[0], m_second[1]);
}

bool PingPong::onSecondReadable()
{
    ++m_done;
    if (m_done == m_warmup)
        m_clock.start();
    if (m_done == m_roundTrips) {
        m_elapsedNs = m_clock.nsecsElapsed();
        char byte = 0;
        [[maybe_unused]] const ssize_t drained = ::read(m_second[0], &byte, 1);
        return false;
    }
    passByte(m_second[0], m_first[1]);
    return true;
}

double PingPong::roundTripsPerSecond() const
{
    return m_elapsedNs > 0 ? double(m_roundTrips - m_warmup) * 1e9 / double(m_elapsedNs) : 0.0;
}

IdlePipes::IdlePipes(int count)
{
    raiseDescriptorLimit(rlim_t(2 * count + 64));
    for (int i = 0; i < count; ++i) {
        int fds[2];
        makePipe(fds);
        m_readFds.push_back(fds[0]);
        m_writeFds.push_back(fds[1]);
    }
}

IdlePipes::~IdlePipes()
{
    for (int fd : m_readFds)
        ::close(fd);
    for (int fd : m_writeFds)
        ::close(fd);
}
