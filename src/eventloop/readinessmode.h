// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_READINESSMODE_H
#define QTVIRT_EVENTLOOP_READINESSMODE_H

// How an FdWatch learns the exact revents behind a notifier activation.
// QSocketNotifier::activated() carries none, and both of Qt's dispatchers
// wake Read on POLLIN|POLLHUP|POLLERR alike, yet libvirt must be told
// HANGUP and ERROR precisely (its RPC client maps HANGUP to close reason
// EOF, src/rpc/virnetclient.c).
enum class ReadinessMode {
    // A zero-timeout poll() per activation: works on any dispatcher, costs a
    // system call per event.
    PollEachActivation,
    // GLib dispatcher: a GSource of ours holds an events=0 poll record per
    // fd. GLib merges records of one fd into one pollfd and hands each record
    // its share of the revents (gmain.c, g_main_context_check), so the
    // HUP/ERR bits arrive from the very poll() that woke the notifier.
    GlibSideChannel,
    // Unix dispatcher: an Exception notifier per fd, which it wakes on
    // POLLPRI|POLLHUP|POLLERR (qeventdispatcher_unix.cpp,
    // markPendingSocketNotifiers), always after Read and Write of the same
    // fd. Activations are collected and dispatched when the dispatcher next
    // wakes; only an Exception activation costs a poll().
    UnixDeferred,
};

#endif // QTVIRT_EVENTLOOP_READINESSMODE_H
