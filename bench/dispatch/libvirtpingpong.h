// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_LIBVIRTPINGPONG_H
#define QTVIRT_BENCH_LIBVIRTPINGPONG_H

#include "benchoptions.h"
#include "pingpong.h"

#include <functional>

// The ping-pong and the idle load registered through libvirt's public
// virEvent* API, whichever implementation is registered behind it.
class LibvirtPingPong
{
public:
    LibvirtPingPong(const BenchOptions &options, std::function<void()> quit);
    ~LibvirtPingPong();

    void start() { m_pingPong.start(); }
    double roundTripsPerSecond() const { return m_pingPong.roundTripsPerSecond(); }

private:
    PingPong m_pingPong;
    IdlePipes m_idle;
    std::function<void()> m_quit;
    std::vector<int> m_handles;
    std::vector<int> m_timeouts;
};

#endif // QTVIRT_BENCH_LIBVIRTPINGPONG_H
