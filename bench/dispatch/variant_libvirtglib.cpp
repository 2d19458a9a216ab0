// SPDX-License-Identifier: LGPL-2.1-or-later
#include "libvirtpingpong.h"
#include "variants.h"

#include <libvirt-glib/libvirt-glib.h>

// libvirt-glib's implementation on a GMainLoop, what GTK applications use.
double runLibvirtGlib(const BenchOptions &options)
{
    gvir_event_register();
    GMainLoop *loop = g_main_loop_new(nullptr, false);
    double rate = 0;
    {
        LibvirtPingPong pingPong(options, [loop] { g_main_loop_quit(loop); });
        pingPong.start();
        g_main_loop_run(loop);
        rate = pingPong.roundTripsPerSecond();
    }
    g_main_loop_unref(loop);
    return rate;
}
