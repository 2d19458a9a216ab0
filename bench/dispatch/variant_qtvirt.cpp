// SPDX-License-Identifier: LGPL-2.1-or-later
#include "libvirtpingpong.h"
#include "variants.h"

#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>

#include <cstdio>
#include <cstdlib>

double runQtVirt(int &argc, char **argv, const BenchOptions &options)
{
    QCoreApplication app(argc, argv);
    if (!QtVirtEventImpl::registerImpl()) {
        std::fprintf(stderr, "QtVirtEventImpl::registerImpl() failed\n");
        std::exit(1);
    }
    double rate = 0;
    {
        LibvirtPingPong pingPong(options, [&app] { app.quit(); });
        pingPong.start();
        app.exec();
        rate = pingPong.roundTripsPerSecond();
    }
    QtVirtEventImpl::waitForPendingFrees();
    return rate;
}
