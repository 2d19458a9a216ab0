// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_UNIXDEFERREDREADINESS_H
#define QTVIRT_EVENTLOOP_UNIXDEFERREDREADINESS_H

#include "eventloop/readiness.h"

#include <QtCore/QObject>
#include <QtCore/QVarLengthArray>

class QAbstractEventDispatcher;

// Qt's Unix dispatcher: an Exception notifier per fd, which it wakes on
// POLLPRI|POLLHUP|POLLERR (qeventdispatcher_unix.cpp,
// markPendingSocketNotifiers), always after Read and Write of the same fd.
// Activations are collected and dispatched when the dispatcher next wakes;
// only an Exception activation costs a poll(). An fd's first activation
// still goes the poll() way and arms the Exception notifier, so that idle
// fds never pay for it.
class UnixDeferredReadiness final : public Readiness
{
public:
    // The Unix dispatcher emits awake() first thing in every
    // processEvents(), after the pass that collected the activations and
    // before it can block again.
    explicit UnixDeferredReadiness(QAbstractEventDispatcher *dispatcher);

    const char *name() const override { return "Unix deferred dispatch"; }
    std::unique_ptr<FdReadiness> forFd(FdWatch &watch) override;

    class Fd;

private:
    void dispatchDeferred();

    QObject m_context;
    QVarLengthArray<Fd *, 8> m_deferred;
};

#endif // QTVIRT_EVENTLOOP_UNIXDEFERREDREADINESS_H
