// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_HANGUPRECORD_H
#define QTVIRT_EVENTLOOP_HANGUPRECORD_H

#include <glib.h>

// An fd's events=0 poll record in GlibHangupSource: GLib fills revents with
// HUP, ERR or NVAL from the poll() that also served Qt's notifiers.
struct HangupRecord
{
    GPollFD pollfd{-1, 0, 0};
    bool registered = false;

    bool hangupOrError() const { return pollfd.revents & (G_IO_HUP | G_IO_ERR | G_IO_NVAL); }
};

#endif // QTVIRT_EVENTLOOP_HANGUPRECORD_H
