// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_QVIRTCONNECTION_P_H
#define QTVIRT_CONNECTION_QVIRTCONNECTION_P_H

#include "connection/connectionhandle.h"
#include "connection/eventregistrar.h"
#include "connection/reconnectbackoff.h"

#include <QtVirt/qvirtconnection.h>

#include <QtCore/QTimer>

#include <memory>
#include <optional>
#include <unordered_set>

class ConnectionLink;
class CredentialBridge;
class QVirtDomainEventsPrivate;
class ResultMailbox;
class SerialWorker;
struct OpenResult;

class QVirtConnectionPrivate
{
    Q_DECLARE_PUBLIC(QVirtConnection)

public:
    // For its lifetime, connect() to a signal of connection queues the
    // registration without waiting for it: for callers that order their
    // work after the registrations with afterRegistrations() instead
    // (QVirtDomainModel), so that adding many busy connections at once does
    // not add up their round trips on the caller's thread.
    class UnwaitedSyncs
    {
    public:
        explicit UnwaitedSyncs(QVirtConnection *connection)
            : m_d(get(connection))
        {
            ++m_d->unwaitedSyncs;
        }
        ~UnwaitedSyncs() { --m_d->unwaitedSyncs; }
        UnwaitedSyncs(const UnwaitedSyncs &) = delete;
        UnwaitedSyncs &operator=(const UnwaitedSyncs &) = delete;

    private:
        QVirtConnectionPrivate *const m_d;
    };

    explicit QVirtConnectionPrivate(QVirtConnection *q);
    ~QVirtConnectionPrivate();

    static QVirtConnectionPrivate *get(QVirtConnection *q) { return q->d.get(); }

    void startOpen();
    void finishOpen(quint64 generation, OpenResult &result);
    // False when the connection turned out to be lost already.
    bool install(quint64 generation, OpenResult &result);
    // Lets go of the connection at once: nothing of it is delivered any
    // more, and a ConnectionTeardown deregisters its callbacks and closes
    // it, in the background when the daemon does not answer in time.
    void release();
    // The current connection was lost (only reached through its link).
    void handleLoss(int reason);
    // Whether the connection from open attempt generation is the current one.
    bool holds(quint64 generation) const;
    void scheduleReconnect();
    enum class SyncTiming { Now, Later };
    void requestSync(SyncTiming timing);
    // Has the worker register and deregister callbacks as the receivers of
    // this object's and its QVirtDomainEvents's signals want, and waits for
    // that a little (DaemonGrace), never for a daemon that does not answer.
    void syncRegistrations();
    // Calls then in this object's thread once the registrations queued so
    // far are done: at once when the last sync was done within its wait (or
    // there is no connection), otherwise from the event loop once the
    // worker got there, never waiting here; and never when the connection
    // is let go of first.
    void afterRegistrations(const std::function<void()> &then);
    // What the lookups of sync number sync found, for the QVirtDomainEvents
    // concerned.
    void reportLookups(quint64 sync, const std::vector<EventRegistrar::Lookup> &lookups);
    void setState(QVirtConnection::State newState);
    void setUri(const QString &newUri, bool newReadOnly);
    // Sets error and errorString together, and tells the property's
    // bindings; the caller emits errorOccurred() once its state is right.
    void setError(QVirtConnection::Error newError, const QString &message);

    static void closeCallback(virConnectPtr conn, int reason, void *opaque);

    QVirtConnection *const q_ptr;
    const std::shared_ptr<ResultMailbox> mailbox;
    ConnectionHandle conn;
    // What libvirt's callbacks on conn hold; null exactly when conn is.
    std::shared_ptr<ConnectionLink> link;
    // Where conn's event callbacks are registered, and by whom; null
    // exactly when conn is. The teardown is the worker's last task.
    std::shared_ptr<SerialWorker> worker;
    std::shared_ptr<EventRegistrar> registrar;
    // What the last sync asked registrar for, and whether the worker was
    // done with it within DaemonGrace: a connect() that changes nothing
    // queues nothing, and afterRegistrations() has nothing to wait for when
    // the worker is done. Each hand-over to the worker costs a wake-up of
    // its thread, which on a busy machine takes milliseconds.
    std::optional<EventRegistrar::Wishes> lastWishes;
    bool registrationsSettled = true;
    // While above zero, syncs do not wait for the worker (UnwaitedSyncs).
    int unwaitedSyncs = 0;
    // The close callback's link while it is registered, else null.
    void *closeCallbackOpaque = nullptr;
    // Identifies the newest open attempt: results of older ones are dropped.
    // The connection an attempt made keeps its number (in link).
    quint64 openGeneration = 0;
    std::shared_ptr<CredentialBridge> credentials;
    // The domain operations whose futures are not finished yet: the
    // destructor cancels them first, while the connection is still whole
    // for their onCanceled() continuations.
    std::unordered_set<QObject *> pendingOperations;
    // Every QVirtDomainEvents of this connection: the registrar holds their
    // callbacks with the connection's own, and the teardown clears them.
    std::unordered_set<QVirtDomainEventsPrivate *> domainEvents;
    // The key of the next QVirtDomainEvents (EventRegistrar::DomainWish).
    quint64 nextDomainEventsKey = 0;
    // Numbers the syncs, so that a late report of a lookup does not undo
    // a newer one's.
    quint64 syncCount = 0;

    QString uri;
    bool readOnly = false;
    QVirtConnection::State state = QVirtConnection::State::Closed;
    QString hypervisorType;
    QString hostName;
    QVirtConnection::Error error = QVirtConnection::NoError;
    QString errorString;
    int keepAliveInterval = 5;
    int keepAliveCount = 5;
    bool autoReconnect = false;
    bool reconnecting = false;
    ReconnectBackoff backoff;
    QTimer *const reconnectTimer;
    std::chrono::milliseconds credentialsTimeout{120000};
};

#endif // QTVIRT_CONNECTION_QVIRTCONNECTION_P_H
