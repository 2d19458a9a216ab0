// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_LOOPTHREADBINDING_H
#define QTVIRT_EVENTLOOP_LOOPTHREADBINDING_H

#include "eventloop/dispatchdepth.h"
#include "eventloop/eventregistry.h"
#include "eventloop/loophooks.h"
#include "eventloop/timeouttimers.h"

#include <QtCore/QHash>
#include <QtCore/QObject>

#include <memory>
#include <mutex>
#include <thread>

class FdWatch;
class Readiness;

// libvirt's six event-loop entry points, bound to the thread that created
// this object. The registry takes the calls from any thread; the notifiers
// (FdWatch) and timers (TimeoutTimers) that serve them are created, changed
// and destroyed here only, because Qt allows that in their own thread
// alone. It lives as long as the process: libvirt can never unregister an
// event loop.
class LoopThreadBinding : public QObject
{
    Q_OBJECT

public:
    explicit LoopThreadBinding(std::unique_ptr<Readiness> readiness);
    ~LoopThreadBinding() override;

    // The binding registerImpl() made, or nullptr before it did.
    static LoopThreadBinding *instance();
    static void install(std::unique_ptr<Readiness> readiness);

    bool isLoopThread() const { return std::this_thread::get_id() == m_threadId; }

    int addHandle(int fd, int events, virEventHandleCallback cb, void *opaque, virFreeCallback ff);
    void updateHandle(int id, int events);
    int removeHandle(int id);
    int addTimeout(int interval, virEventTimeoutCallback cb, void *opaque, virFreeCallback ff);
    void updateTimeout(int id, int interval);
    int removeTimeout(int id);

    bool ownsTimeout(int id) const { return m_registry.ownsTimeout(id); }
    // From QCoreApplication's destructor (a post routine) on, registrations
    // changed from any thread no longer post to the loop thread: a
    // connection closing in a detached thread may reach removeHandle()
    // while the dispatcher is deleted or after static destructors ran.
    // Their work then waits for waitForPendingFrees() in the loop thread.
    void stopPosting();
    bool waitForPendingFrees(QDeadlineTimer deadline);

    // Loop thread only; see LoopHooks.
    void setObserver(LoopHooks::Observer *observer) { m_observer = observer; }
    void holdBackReads(int id, bool held);
    bool peerGone(int id) const;

protected:
    bool event(QEvent *event) override;

private:
    EventRegistry::Caller caller() const;
    void wakeLoopThread();
    void schedulePendingWork();
    void runPendingWork();
    void refreshHandle(HandleRegistration *handle);

    const std::thread::id m_threadId;
    const std::unique_ptr<Readiness> m_readiness;
    EventRegistry m_registry;
    DispatchDepth m_depth;
    TimeoutTimers m_timers;
    QHash<int, FdWatch *> m_fdWatches;
    LoopHooks::Observer *m_observer = nullptr;
    std::mutex m_postingMutex;
    bool m_postingStopped = false;
};

#endif // QTVIRT_EVENTLOOP_LOOPTHREADBINDING_H
