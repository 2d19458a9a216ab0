// SPDX-License-Identifier: LGPL-2.1-or-later
#include "libvirtpingpong.h"
#include "variants.h"

#include <libvirt/libvirt.h>

// libvirt's own poll() loop, as used by virsh and by applications that give
// it a thread of its own.
double runLibvirtDefault(const BenchOptions &options)
{
    virEventRegisterDefaultImpl();
    bool running = true;
    LibvirtPingPong pingPong(options, [&running] { running = false; });
    pingPong.start();
    while (running)
        virEventRunDefaultImpl();
    return pingPong.roundTripsPerSecond();
}
