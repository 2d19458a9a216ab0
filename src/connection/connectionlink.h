// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_CONNECTIONLINK_H
#define QTVIRT_CONNECTION_CONNECTIONLINK_H

#include <QtCore/QtGlobal>

#include <functional>
#include <memory>

class QVirtConnection;
class ResultMailbox;

// What libvirt's callbacks on one connection hold instead of the
// QVirtConnection: a shared object that outlives both the owner and the
// connection's time as the owner's current one. libvirt may call a callback
// after the owner let go of the connection (a teardown still waits for a
// frozen daemon, an event is being dispatched in another thread) or after
// the owner was destroyed; it then finds this link, never a dangling
// pointer.
//
// Every delivery is checked in the owner's thread, right before it runs,
// against the generation of the connection the owner holds by then (the
// number of the open attempt that made it, never reused): a callback of a
// connection that was closed, lost or replaced since, even one at the same
// address, is dropped, and nothing is delivered after close() returned.
class ConnectionLink : public std::enable_shared_from_this<ConnectionLink>
{
public:
    ConnectionLink(std::shared_ptr<ResultMailbox> mailbox, quint64 generation);

    quint64 generation() const { return m_generation; }

    // An opaque pointer for libvirt that keeps this link alive until
    // libvirt calls release() on it (its free callback), or the caller
    // does when the registration failed.
    void *retain();
    static void release(void *opaque);
    static ConnectionLink &from(void *opaque);

    using Task = std::function<void(QVirtConnection *)>;
    // From any thread: runs task in the owner's thread, at once when called
    // there, queued otherwise.
    void deliver(Task task);
    // From any thread: always queued, for callers that run with libvirt's
    // locks held.
    void post(Task task);

private:
    Task guarded(Task task) const;

    const std::shared_ptr<ResultMailbox> m_mailbox;
    const quint64 m_generation;
};

#endif // QTVIRT_CONNECTION_CONNECTIONLINK_H
