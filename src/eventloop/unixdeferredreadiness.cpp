// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/unixdeferredreadiness.h"

#include "eventloop/fdwatch.h"
#include "eventloop/lazynotifier.h"

#include <QtCore/QAbstractEventDispatcher>

#include <utility>

class UnixDeferredReadiness::Fd final : public FdReadiness
{
public:
    Fd(FdWatch &watch, QVarLengthArray<Fd *, 8> &deferred)
        : m_watch(watch)
        , m_deferred(deferred)
    { }

    void activated(QSocketNotifier::Type type) override
    {
        if (m_armed) {
            collect(type);
            return;
        }
        if (!m_priorityDataSeen) {
            m_armed = true;
            applyExceptionState();
        }
        m_watch.pollAndDispatch(type);
    }

    void listeningChanged(int listening) override
    {
        m_listening = listening;
        applyExceptionState();
    }

    void retire() override { m_exception.reset(); }

    // Dispatches what this pass's activations collected. Releases the
    // reference taken when they were collected.
    void dispatchCollected()
    {
        const int collected = std::exchange(m_collected, 0);
        const bool exceptional = std::exchange(m_exceptional, false);
        if (!m_watch.isRetired()) {
            if (!exceptional) {
                // Read and Write fired without Exception, which the Unix
                // dispatcher wakes on HUP and ERR: neither is pending.
                m_watch.dispatch(collected, collected);
            } else if (const int revents = m_watch.pollRevents(); revents != 0) {
                if (!(revents & FdWatch::ErrorOrHangup)) {
                    m_priorityDataSeen = true;
                    m_armed = false;
                    applyExceptionState();
                }
                m_watch.dispatch(revents,
                                 FdWatch::Readable | FdWatch::Writable | FdWatch::ErrorOrHangup);
            }
        }
        m_watch.release();
    }

private:
    void collect(QSocketNotifier::Type type)
    {
        if (m_collected == 0 && !m_exceptional) {
            m_watch.hold();
            m_deferred.append(this);
        }
        if (type == QSocketNotifier::Exception)
            m_exceptional = true;
        else
            m_collected |= FdWatch::sideOf(type);
    }

    void applyExceptionState()
    {
        setNotifierEnabled(m_exception, m_watch.fd(), QSocketNotifier::Exception,
                           m_armed && m_listening != 0,
                           [this] { activated(QSocketNotifier::Exception); });
    }

    FdWatch &m_watch;
    QVarLengthArray<Fd *, 8> &m_deferred;
    std::unique_ptr<QSocketNotifier> m_exception;
    int m_listening = 0;
    int m_collected = 0;
    bool m_exceptional = false;
    bool m_armed = false;
    // Out-of-band data (POLLPRI) wakes the Exception notifier without
    // HANGUP or ERROR and never goes away, since libvirt does not read it:
    // such an fd stays on a poll() per activation.
    bool m_priorityDataSeen = false;
};

UnixDeferredReadiness::UnixDeferredReadiness(QAbstractEventDispatcher *dispatcher)
{
    QObject::connect(dispatcher, &QAbstractEventDispatcher::awake, &m_context,
                     [this] { dispatchDeferred(); });
}

std::unique_ptr<FdReadiness> UnixDeferredReadiness::forFd(FdWatch &watch)
{
    return std::make_unique<Fd>(watch, m_deferred);
}

void UnixDeferredReadiness::dispatchDeferred()
{
    if (m_deferred.isEmpty())
        return;
    // A callback may run a nested loop, whose awake() lands here again.
    const QVarLengthArray<Fd *, 8> collected = std::exchange(m_deferred, {});
    for (Fd *fd : collected)
        fd->dispatchCollected();
}
