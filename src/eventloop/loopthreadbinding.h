// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_LOOPTHREADBINDING_H
#define QTVIRT_EVENTLOOP_LOOPTHREADBINDING_H

#include "eventloop/eventregistry.h"

#include <QtCore/QHash>
#include <QtCore/QObject>

#include <thread>

class FdWatch;
class QTimer;

// libvirt's six event-loop entry points, bound to the thread that created
// this object. It lives as long as the process: libvirt can never
// unregister an event loop. The registry takes the calls from any thread; the notifiers
// and timers that serve them are created, changed and destroyed here only,
// because Qt allows that in their own thread alone.
class LoopThreadBinding : public QObject
{
    Q_OBJECT

public:
    LoopThreadBinding();

    bool isLoopThread() const { return std::this_thread::get_id() == m_threadId; }

    int addHandle(int fd, int events, virEventHandleCallback cb, void *opaque, virFreeCallback ff);
    void updateHandle(int id, int events);
    int removeHandle(int id);
    int addTimeout(int interval, virEventTimeoutCallback cb, void *opaque, virFreeCallback ff);
    void updateTimeout(int id, int interval);
    int removeTimeout(int id);

    bool ownsTimeout(int id) const;
    bool waitForPendingFrees(QDeadlineTimer deadline);

private:
    EventRegistry::Caller caller() const;
    void runPendingWork();
    void syncFd(int fd);
    void syncTimeout(int id);
    QTimer *createTimer(int id);

    const std::thread::id m_threadId;
    EventRegistry m_registry;
    QHash<int, FdWatch *> m_fdWatches;
    QHash<int, QTimer *> m_timers;
};

#endif // QTVIRT_EVENTLOOP_LOOPTHREADBINDING_H
