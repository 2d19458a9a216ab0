// SPDX-License-Identifier: LGPL-2.1-or-later
#include "pingpong.h"
#include "variants.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QSocketNotifier>
#include <QtCore/QTimer>

#include <memory>

// What QtVirtEventImpl is built from, with nothing on top: the ceiling for
// any libvirt event loop on Qt.
double runQtNotifier(int &argc, char **argv, const BenchOptions &options)
{
    QCoreApplication app(argc, argv);
    PingPong pingPong(options.roundTrips);
    IdlePipes idle(options.idleHandles);

    QSocketNotifier first(pingPong.firstReadFd(), QSocketNotifier::Read);
    QSocketNotifier second(pingPong.secondReadFd(), QSocketNotifier::Read);
    QObject::connect(&first, &QSocketNotifier::activated, [&] { pingPong.onFirstReadable(); });
    QObject::connect(&second, &QSocketNotifier::activated, [&] {
        if (!pingPong.onSecondReadable())
            app.quit();
    });

    std::vector<std::unique_ptr<QSocketNotifier>> idleNotifiers;
    for (int fd : idle.readFds())
        idleNotifiers.push_back(std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read));
    std::vector<std::unique_ptr<QTimer>> idleTimers;
    for (int i = 0; i < options.idleTimers; ++i) {
        idleTimers.push_back(std::make_unique<QTimer>());
        idleTimers.back()->setTimerType(Qt::PreciseTimer);
        idleTimers.back()->start(IdleTimerIntervalMs);
    }

    pingPong.start();
    app.exec();
    return pingPong.roundTripsPerSecond();
}
