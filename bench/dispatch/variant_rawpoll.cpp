// SPDX-License-Identifier: LGPL-2.1-or-later
#include "pingpong.h"
#include "variants.h"

#include <cstdio>
#include <cstdlib>
#include <poll.h>

// The limit: no event loop at all, just poll() over the same descriptors.
double runRawPoll(const BenchOptions &options)
{
    PingPong pingPong(options.roundTrips);
    IdlePipes idle(options.idleHandles);

    std::vector<pollfd> fds;
    fds.push_back({pingPong.firstReadFd(), POLLIN, 0});
    fds.push_back({pingPong.secondReadFd(), POLLIN, 0});
    for (int fd : idle.readFds())
        fds.push_back({fd, POLLIN, 0});

    pingPong.start();
    for (bool running = true; running;) {
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            std::perror("poll");
            std::exit(1);
        }
        if (fds[0].revents & POLLIN)
            pingPong.onFirstReadable();
        if (fds[1].revents & POLLIN)
            running = pingPong.onSecondReadable();
    }
    return pingPong.roundTripsPerSecond();
}
