// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_READINESS_H
#define QTVIRT_EVENTLOOP_READINESS_H

#include <QtCore/QSocketNotifier>

#include <memory>

class FdWatch;

// How an FdWatch learns the exact revents behind a notifier activation.
// QSocketNotifier::activated() carries none, and both of Qt's dispatchers
// wake Read on POLLIN|POLLHUP|POLLERR alike, yet libvirt must be told
// HANGUP and ERROR precisely (its RPC client maps HANGUP to close reason
// EOF, src/rpc/virnetclient.c). See docs/qt-dispatchers.md.
//
// One strategy per fd, made by the loop's Readiness, which registerImpl()
// chooses once for the dispatcher of the loop thread. Loop thread only.
class FdReadiness
{
public:
    virtual ~FdReadiness() = default;

    // A notifier of the fd fired: find out what is ready, and dispatch it
    // (now, or later in the same pass of the dispatcher).
    virtual void activated(QSocketNotifier::Type type) = 0;
    // The watch enabled its Read or Write notifier just now.
    virtual void notifierEnabled() { }
    // The sides (READABLE, WRITABLE) the watch's notifiers listen on now;
    // told after every change.
    virtual void listeningChanged(int listening) { Q_UNUSED(listening) }
    // The watch retires: stop watching its fd, which may be closed and
    // reused right after.
    virtual void retire() { }
};

// The loop-wide part of a strategy, and its maker of FdReadiness.
class Readiness
{
public:
    virtual ~Readiness() = default;
    virtual const char *name() const = 0;
    virtual std::unique_ptr<FdReadiness> forFd(FdWatch &watch) = 0;
};

#endif // QTVIRT_EVENTLOOP_READINESS_H
