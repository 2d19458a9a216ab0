// SPDX-License-Identifier: LGPL-2.1-or-later
#include "updateloops.h"

#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>

#include <libvirt/libvirt.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

namespace {

// A handle on a pipe nobody writes to, or a disabled timeout: what is
// measured is the update alone, never a dispatch it causes.
int registerTarget(UpdateKind kind, int pipeFds[2])
{
    int id = -1;
    if (kind == UpdateKind::Handle) {
        if (::pipe2(pipeFds, O_NONBLOCK | O_CLOEXEC) == 0)
            id = virEventAddHandle(
                pipeFds[0], 0, [](int, int, int, void *) {}, nullptr, nullptr);
    } else {
        id = virEventAddTimeout(
            -1, [](int, void *) {}, nullptr, nullptr);
    }
    if (id <= 0) {
        std::fprintf(stderr, "registering the update target failed\n");
        std::exit(1);
    }
    return id;
}

double timeUpdates(UpdateKind kind, int id, int updates)
{
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < updates; ++i) {
        const bool on = i % 2 == 0;
        if (kind == UpdateKind::Handle)
            virEventUpdateHandle(id, on ? VIR_EVENT_HANDLE_READABLE : 0);
        else
            virEventUpdateTimeout(id, on ? 0 : -1);
    }
    return double(updates) * 1e9 / double(clock.nsecsElapsed());
}

} // namespace

double updatesWithLibvirtDefault(UpdateKind kind, UpdateCaller caller, int updates)
{
    virEventRegisterDefaultImpl();
    int pipeFds[2] = {-1, -1};
    const int id = registerTarget(kind, pipeFds);
    if (caller == UpdateCaller::LoopThread)
        return timeUpdates(kind, id, updates);

    std::atomic<bool> running{true};
    std::thread loop([&running] {
        while (running)
            virEventRunDefaultImpl();
    });
    const double rate = timeUpdates(kind, id, updates);
    running = false;
    // Any change wakes libvirt's loop out of its poll().
    virEventAddTimeout(
        0, [](int, void *) {}, nullptr, nullptr);
    loop.join();
    return rate;
}

double updatesWithQtVirt(int &argc, char **argv, UpdateKind kind, UpdateCaller caller, int updates)
{
    QCoreApplication app(argc, argv);
    if (!QtVirtEventImpl::registerImpl()) {
        std::fprintf(stderr, "QtVirtEventImpl::registerImpl() failed\n");
        std::exit(1);
    }
    int pipeFds[2] = {-1, -1};
    const int id = registerTarget(kind, pipeFds);
    if (caller == UpdateCaller::LoopThread)
        return timeUpdates(kind, id, updates);

    std::atomic<double> rate{0};
    std::thread updater([&] { rate = timeUpdates(kind, id, updates); });
    // The loop runs, applying what the updater changes, until it is done.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&rate, &app] {
        if (rate > 0)
            app.quit();
    });
    poll.start(10);
    app.exec();
    updater.join();
    return rate;
}
