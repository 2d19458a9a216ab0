// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_LOOPTHREADBINDING_H
#define QTVIRT_EVENTLOOP_LOOPTHREADBINDING_H

#include "eventloop/eventregistry.h"
#include "eventloop/loophooks.h"
#include "eventloop/readinessmode.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QVarLengthArray>

#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

class FdWatch;
class GlibHangupSource;

// libvirt's six event-loop entry points, bound to the thread that created
// this object. The registry takes the calls from any thread; the notifiers
// and timers that serve them are created, changed and destroyed here only,
// because Qt allows that in their own thread alone. It lives as long as the
// process: libvirt can never unregister an event loop.
class LoopThreadBinding : public QObject
{
    Q_OBJECT

public:
    explicit LoopThreadBinding(ReadinessMode mode);
    ~LoopThreadBinding() override;

    // The binding registerImpl() made, or nullptr before it did.
    static LoopThreadBinding *instance();
    static void install(ReadinessMode mode);

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

    // For FdWatch.
    ReadinessMode readinessMode() const { return m_mode; }
    // Notes the handle whose callback runs now (nullptr: none); returns the
    // one it replaces, to be put back afterwards.
    const HandleRegistration *enterHandleCallback(const HandleRegistration *handle)
    {
        return std::exchange(m_handleInCallback, handle);
    }
    // After a pass of handle callbacks: fires the timeouts they armed to
    // 0 ms. libvirt's RPC client passes a message on that way, so each one
    // would otherwise cost the GLib dispatcher one more iteration (a poll()
    // and all its sources); see BENCHMARKS.md. Qt's Unix dispatcher fires
    // such timers in the same pass too.
    void fireTimeoutsArmedByHandles()
    {
        if (!m_armedByHandles.isEmpty())
            fireArmedTimeouts();
    }
    void deferDispatch(FdWatch *watch) { m_deferred.append(watch); }
    quint64 glibIteration() const;
    GlibHangupSource &glibHangups() { return *m_glibHangups; }

    // Marks a callback on the stack: the memory of registrations removed
    // meanwhile is kept until the outermost scope ends, because a dispatch
    // further up may still look at them.
    class DispatchScope
    {
    public:
        explicit DispatchScope(LoopThreadBinding &binding)
            : m_binding(binding)
        {
            ++m_binding.m_dispatchDepth;
        }
        ~DispatchScope();
        DispatchScope(const DispatchScope &) = delete;
        DispatchScope &operator=(const DispatchScope &) = delete;

    private:
        LoopThreadBinding &m_binding;
    };

protected:
    bool event(QEvent *event) override;

private:
    EventRegistry::Caller caller() const;
    void wakeLoopThread();
    void schedulePendingWork();
    void runPendingWork();
    void dispatchDeferred();
    void refreshHandle(HandleRegistration *handle);
    void syncTimer(TimeoutRegistration *timeout);
    void fireArmedTimeouts();
    void fireTimeout(TimeoutRegistration *timeout);

    const std::thread::id m_threadId;
    const ReadinessMode m_mode;
    EventRegistry m_registry;
    QHash<int, FdWatch *> m_fdWatches;
    std::unique_ptr<GlibHangupSource> m_glibHangups;
    QVarLengthArray<FdWatch *, 8> m_deferred;
    int m_dispatchDepth = 0;
    std::vector<EventRegistry::Retired> m_graveyard;
    const HandleRegistration *m_handleInCallback = nullptr;
    QVarLengthArray<int, 4> m_armedByHandles;
    LoopHooks::Observer *m_observer = nullptr;
    std::mutex m_postingMutex;
    bool m_postingStopped = false;
};

#endif // QTVIRT_EVENTLOOP_LOOPTHREADBINDING_H
