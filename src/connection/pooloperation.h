// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_POOLOPERATION_H
#define QTVIRT_CONNECTION_POOLOPERATION_H

// The machinery behind QVirtConnection's QFuture-returning operations. The
// blocking call runs in a thread of Qt's global pool, on a connection
// reference of its own; everything else happens in the connection's thread.
// The promise never leaves that thread: it lives in a PendingOperation,
// which the connection tracks and the pool task reaches only through the
// connection's mailbox. So the promise is finished there, or destroyed
// there at the start of the connection's destructor (which cancels the
// future), and continuations without a context run there too, never in a
// pool thread.
//
// The global pool rather than one of our own: it is the pool QtConcurrent
// uses and the application sizes. QCoreApplication waits for it on exit; a
// task whose future was canceled (as destroying the connection does) then
// returns at once, and a private pool would be waited for all the same. A
// task never closes the connection itself either: its reference may be the
// last one once the connection is closed, and virConnectClose() is then a
// round trip that a frozen daemon never answers. A ConnectionTeardown drops
// it in a thread of its own.

#include "connection/connectionteardown.h"
#include "connection/domainhandle.h"
#include "connection/qvirtconnection_p.h"
#include "connection/resultmailbox.h"

#include <QtVirt/qvirterror.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QPointer>
#include <QtCore/QPromise>
#include <QtCore/QThreadPool>

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace PoolOperation {

// What the pool call produced: an error, or its value (a flag for a call
// that returns nothing).
template<typename R> struct Outcome
{
    std::optional<QVirtError> error;
    std::conditional_t<std::is_void_v<R>, bool, std::optional<R>> value{};
};

// The connection's half of one operation: it owns the promise, and dies
// at the start of the connection's destructor at the latest, canceling the
// future in its thread while the connection is still whole. A QObject, so
// that what an operation still needs after its pool call (a stream being
// read) can be its child and die with it.
template<typename T> class PendingOperation : public QObject
{
public:
    explicit PendingOperation(QVirtConnectionPrivate *owner)
        : m_owner(owner)
    {
        m_owner->pendingOperations.insert(this);
        m_promise.start();
    }
    ~PendingOperation() override { m_owner->pendingOperations.erase(this); }
    PendingOperation(const PendingOperation &) = delete;
    PendingOperation &operator=(const PendingOperation &) = delete;

    QFuture<T> future() { return m_promise.future(); }
    bool isCanceled() { return m_promise.isCanceled(); }
    // The future's progress (QFuture::progressValue()), for an operation
    // that can tell how far its call got.
    void setProgressRange(int minimum, int maximum)
    {
        m_promise.setProgressRange(minimum, maximum);
    }
    void setProgressValue(int value) { m_promise.setProgressValue(value); }

    // Each of these ends the operation; a canceled future ignores the
    // result. The operation is gone before the promise is finished:
    // continuations without a context run inside them, and one may
    // destroy the connection.
    template<typename... Value> void succeed(Value &&...value)
    {
        QPromise<T> promise = release();
        if constexpr (!std::is_void_v<T> && sizeof...(Value) > 0)
            promise.addResult(std::forward<Value>(value)...);
        promise.finish();
    }
    void fail(const QVirtError &error)
    {
        QPromise<T> promise = release();
        promise.setException(error);
        promise.finish();
    }

private:
    QPromise<T> release()
    {
        QPromise<T> promise = std::move(m_promise);
        delete this;
        return promise;
    }

    QVirtConnectionPrivate *const m_owner;
    QPromise<T> m_promise;
};

template<typename T> QFuture<T> failed(const QString &message)
{
    QPromise<T> promise;
    QFuture<T> future = promise.future();
    promise.start();
    promise.setException(QVirtError(message));
    promise.finish();
    return future;
}

template<typename T> QFuture<T> notOpen()
{
    return failed<T>(QCoreApplication::translate("QVirtConnection", "the connection is not open"));
}

// Looking up an empty name would cost a pool thread and a daemon round
// trip, only to fail with a message that does not say why.
template<typename T> QFuture<T> invalidDomain()
{
    return failed<T>(QCoreApplication::translate(
        "QVirtConnection", "invalid domain reference: it has neither a name nor a UUID"));
}

// Hands the pool call's value to the operation as its result.
struct Deliver
{
    template<typename T, typename R>
    void operator()(PendingOperation<T> *operation, R &&value) const
    {
        operation->succeed(std::forward<R>(value));
    }
    template<typename T> void operator()(PendingOperation<T> *operation) const
    {
        operation->succeed();
    }
};

// For an operation that needs nothing in the connection's thread while its
// call runs.
struct NoPreparation
{
    template<typename T> void operator()(PendingOperation<T> * /*operation*/) const { }
};

// Runs call(conn) in a pool thread. In the connection's thread, a failure
// fails the future, and complete(operation, value) (complete(operation)
// for a call that returns nothing) takes what the call returned and ends
// the operation, at once or later. prepare(operation) runs first, in the
// connection's thread, before the call is handed to the pool: what it
// attaches to the operation (a progress poller) lives while the call runs.
template<typename T, typename Call, typename Complete = Deliver, typename Prepare = NoPreparation>
QFuture<T> runOnPool(QVirtConnectionPrivate *d, const Call &call, Complete complete = {},
                     Prepare prepare = {})
{
    using R = std::invoke_result_t<Call, virConnectPtr>;
    ConnectionHandle conn = shareConnection(d->conn.get());
    if (!conn)
        return notOpen<T>();
    auto *operation = new PendingOperation<T>(d);
    QFuture<T> future = operation->future();
    prepare(operation);
    QThreadPool::globalInstance()->start([gate = future, conn = std::move(conn), call,
                                          complete = std::move(complete), box = d->mailbox,
                                          target = QPointer(operation)]() mutable {
        auto outcome = std::make_shared<Outcome<R>>();
        // Canceled by the application, or by the connection's destruction:
        // not started, so not run. A call that has begun runs to its end,
        // because the daemon may be acting on it already.
        if (!gate.isCanceled()) {
            try {
                if constexpr (std::is_void_v<R>) {
                    call(conn.get());
                    outcome->value = true;
                } else {
                    outcome->value.emplace(call(conn.get()));
                }
            } catch (const QVirtError &error) {
                outcome->error = error;
            }
        }
        // With no grace: nobody waits for this reference, which is the last
        // one when the connection was closed meanwhile.
        ConnectionTeardown{std::move(conn), {}, nullptr}.start(std::chrono::milliseconds(0));
        // Refused when the connection is gone: its destruction canceled the
        // future already, and nothing here owns the promise.
        box->post([outcome, complete, target](QVirtConnection *) mutable {
            if (!target)
                return;
            if (outcome->error) {
                target->fail(*outcome->error);
            } else if (!outcome->value) {
                // Skipped: the future was canceled before the call began,
                // and finishes without a result.
                target->succeed();
            } else if constexpr (std::is_void_v<R>) {
                complete(target.data());
            } else {
                complete(target.data(), std::move(*outcome->value));
            }
        });
    });
    return future;
}

inline DomainHandle lookUp(virConnectPtr conn, const QVirtDomainRef &domain)
{
    virDomainPtr dom = !domain.uuid().isNull()
        ? virDomainLookupByUUIDString(conn, domain.uuidString().toLatin1().constData())
        : virDomainLookupByName(conn, domain.name().toUtf8().constData());
    if (!dom) {
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtConnection", "no domain %1").arg(domain.name()));
    }
    return DomainHandle(dom);
}

// Runs call(dom) on the domain looked up in a pool thread; what it returns
// goes to complete, as for runOnPool().
template<typename T, typename Call, typename Complete = Deliver, typename Prepare = NoPreparation>
QFuture<T> runOnDomain(QVirtConnectionPrivate *d, const QVirtDomainRef &domain, Call call,
                       Complete complete = {}, Prepare prepare = {})
{
    if (!domain.isValid())
        return invalidDomain<T>();
    return runOnPool<T>(
        d,
        [domain, call = std::move(call)](virConnectPtr conn) {
            const DomainHandle dom = lookUp(conn, domain);
            return call(dom.get());
        },
        std::move(complete), std::move(prepare));
}

} // namespace PoolOperation

#endif // QTVIRT_CONNECTION_POOLOPERATION_H
