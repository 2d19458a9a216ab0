// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_TIMEOUTTIMERS_H
#define QTVIRT_EVENTLOOP_TIMEOUTTIMERS_H

#include <QtCore/QVarLengthArray>

#include <utility>

class DispatchDepth;
class EventRegistry;
class QObject;
struct HandleRegistration;
struct TimeoutRegistration;

// The QTimers that serve libvirt's timeouts, and their firing. Loop thread
// only, as Qt's timers are.
class TimeoutTimers
{
public:
    // The timers are children of context; registrations are looked up in
    // registry, and callbacks run inside depth.
    TimeoutTimers(QObject *context, EventRegistry &registry, DispatchDepth &depth);
    TimeoutTimers(const TimeoutTimers &) = delete;
    TimeoutTimers &operator=(const TimeoutTimers &) = delete;

    // Makes the timer of timeout match it: created, restarted, stopped or
    // deleted with the registration.
    void sync(TimeoutRegistration *timeout);

    // Notes the handle whose callback runs now (nullptr: none); returns the
    // one it replaces, to be put back afterwards.
    const HandleRegistration *enterHandleCallback(const HandleRegistration *handle)
    {
        return std::exchange(m_handleInCallback, handle);
    }
    const HandleRegistration *handleInCallback() const { return m_handleInCallback; }
    // A timeout was armed to 0 ms from inside handleInCallback().
    void armedByHandle(int id)
    {
        if (!m_armedByHandles.contains(id))
            m_armedByHandles.append(id);
    }
    // After a pass of handle callbacks: fires the timeouts they armed to
    // 0 ms. libvirt's RPC client passes a message on that way, so each one
    // would otherwise cost the GLib dispatcher one more iteration (a poll()
    // and all its sources); see BENCHMARKS.md. Qt's Unix dispatcher fires
    // such timers in the same pass too.
    void fireArmedByHandles()
    {
        if (!m_armedByHandles.isEmpty())
            fireArmed();
    }

private:
    void fireArmed();
    void fire(TimeoutRegistration *timeout);

    QObject *const m_context;
    EventRegistry &m_registry;
    DispatchDepth &m_depth;
    const HandleRegistration *m_handleInCallback = nullptr;
    QVarLengthArray<int, 4> m_armedByHandles;
};

#endif // QTVIRT_EVENTLOOP_TIMEOUTTIMERS_H
