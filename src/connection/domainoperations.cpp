// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection's QFuture-returning domain operations. The blocking call
// runs in a thread of Qt's global pool, on a connection reference of its
// own; everything else happens in the connection's thread. The promise never
// leaves that thread: it lives in a PendingOperation, which the connection
// tracks and the pool task reaches only through the connection's mailbox.
// So the promise is finished there, or destroyed there at the start of the
// connection's destructor (which cancels the future), and continuations
// without a context run there too, never in a pool thread.
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
#include "connection/domainlisting.h"
#include "connection/domainref.h"
#include "connection/qvirtconnection_p.h"
#include "connection/resultmailbox.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QPointer>
#include <QtCore/QPromise>
#include <QtCore/QThreadPool>

#include <cstdlib>
#include <limits>
#include <optional>
#include <type_traits>

namespace {

using Domain = DomainHandle;

template<typename T> struct Outcome
{
    std::optional<QVirtError> error;
    std::conditional_t<std::is_void_v<T>, bool, std::optional<T>> value{};
};

// The connection's half of one operation: it owns the promise, and dies
// at the start of the connection's destructor at the latest, canceling the
// future in its thread while the connection is still whole.
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

    QFuture<T> future() { return m_promise.future(); }

    // A canceled future ignores the result: the operation is dropped.
    void finish(const Outcome<T> &outcome)
    {
        // Gone before the promise is finished: continuations without a
        // context run inside finish(), and one may destroy the connection.
        QPromise<T> promise = std::move(m_promise);
        delete this;
        if (outcome.error) {
            promise.setException(*outcome.error);
        } else {
            if constexpr (!std::is_void_v<T>) {
                if (outcome.value)
                    promise.addResult(*outcome.value);
            }
        }
        promise.finish();
    }

private:
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

template<typename T, typename Call>
QFuture<T> runOnPool(QVirtConnectionPrivate *d, const Call &call)
{
    ConnectionHandle conn = shareConnection(d->conn.get());
    if (!conn)
        return failed<T>(
            QCoreApplication::translate("QVirtConnection", "the connection is not open"));
    auto *operation = new PendingOperation<T>(d);
    QFuture<T> future = operation->future();
    QThreadPool::globalInstance()->start([gate = future, conn = std::move(conn), call,
                                          box = d->mailbox,
                                          target = QPointer(operation)]() mutable {
        auto outcome = std::make_shared<Outcome<T>>();
        // Canceled by the application, or by the connection's destruction:
        // not started, so not run. A call that has begun runs to its end,
        // because the daemon may be acting on it already.
        if (!gate.isCanceled()) {
            try {
                if constexpr (std::is_void_v<T>)
                    call(conn.get());
                else
                    outcome->value = call(conn.get());
            } catch (const QVirtError &error) {
                outcome->error = error;
            }
        }
        // With no grace: nobody waits for this reference, which is the last
        // one when the connection was closed meanwhile.
        ConnectionTeardown{std::move(conn), {}, nullptr}.start(std::chrono::milliseconds(0));
        // Refused when the connection is gone: its destruction canceled the
        // future already, and nothing here owns the promise.
        box->post([outcome, target](QVirtConnection *) {
            if (target)
                target->finish(*outcome);
        });
    });
    return future;
}

Domain lookUp(virConnectPtr conn, const QVirtDomainRef &domain)
{
    virDomainPtr dom = !domain.uuid().isNull()
        ? virDomainLookupByUUIDString(conn, domain.uuidString().toLatin1().constData())
        : virDomainLookupByName(conn, domain.name().toUtf8().constData());
    if (!dom) {
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtConnection", "no domain %1").arg(domain.name()));
    }
    return Domain(dom);
}

// Runs call(dom) on the domain looked up in a pool thread; the future holds
// what it returns.
template<typename T, typename Call>
QFuture<T> runOnDomain(QVirtConnectionPrivate *d, const QVirtDomainRef &domain, Call call)
{
    // Looking up an empty name would cost a pool thread and a daemon round
    // trip, only to fail with a message that does not say why.
    if (!domain.isValid()) {
        return failed<T>(QCoreApplication::translate(
            "QVirtConnection", "invalid domain reference: it has neither a name nor a UUID"));
    }
    return runOnPool<T>(d, [domain, call = std::move(call)](virConnectPtr conn) {
        const Domain dom = lookUp(conn, domain);
        return call(dom.get());
    });
}

// Keeps the argument types of a libvirt function from being deduced from
// the arguments given (a QFlags for an unsigned int, a bool for an int).
template<typename T> struct Exactly
{
    using type = T;
};

// The most common shape: an int-returning libvirt call on one domain, with
// arguments fixed when the operation is made.
template<typename... Args>
QFuture<void> runOnDomain(QVirtConnectionPrivate *d, const QVirtDomainRef &domain,
                          int (*operation)(virDomainPtr, Args...),
                          typename Exactly<Args>::type... args)
{
    return runOnDomain<void>(d, domain, [operation, args...](virDomainPtr dom) {
        if (operation(dom, args...) < 0) {
            throw QVirtError::fromLastError(
                QCoreApplication::translate("QVirtConnection", "the operation failed"));
        }
    });
}

// defineDomain() and createDomain(): a domain made from XML.
QFuture<QVirtDomainRef> runMaking(QVirtConnectionPrivate *d, const QString &xml,
                                  virDomainPtr (*make)(virConnectPtr, const char *, unsigned int),
                                  unsigned int flags, const char *failure)
{
    return runOnPool<QVirtDomainRef>(
        d, [xml = xml.toUtf8(), make, flags, failure](virConnectPtr conn) {
            const Domain dom(make(conn, xml.constData(), flags));
            if (!dom)
                throw QVirtError::fromLastError(
                    QCoreApplication::translate("QVirtConnection", failure));
            return domainRefOf(dom.get());
        });
}

} // namespace

QFuture<void> QVirtConnection::startDomain(const QVirtDomainRef &domain, CreateFlags flags)
{
    return runOnDomain(d.get(), domain, &virDomainCreateWithFlags, flags.toInt());
}

QFuture<void> QVirtConnection::shutdownDomain(const QVirtDomainRef &domain, ShutdownFlags flags)
{
    return runOnDomain(d.get(), domain, &virDomainShutdownFlags, flags.toInt());
}

QFuture<void> QVirtConnection::rebootDomain(const QVirtDomainRef &domain, ShutdownFlags flags)
{
    return runOnDomain(d.get(), domain, &virDomainReboot, flags.toInt());
}

QFuture<void> QVirtConnection::resetDomain(const QVirtDomainRef &domain)
{
    return runOnDomain(d.get(), domain, &virDomainReset, 0U);
}

QFuture<void> QVirtConnection::destroyDomain(const QVirtDomainRef &domain, DestroyFlags flags)
{
    return runOnDomain(d.get(), domain, &virDomainDestroyFlags, flags.toInt());
}

QFuture<void> QVirtConnection::suspendDomain(const QVirtDomainRef &domain)
{
    return runOnDomain(d.get(), domain, &virDomainSuspend);
}

QFuture<void> QVirtConnection::resumeDomain(const QVirtDomainRef &domain)
{
    return runOnDomain(d.get(), domain, &virDomainResume);
}

QFuture<void> QVirtConnection::undefineDomain(const QVirtDomainRef &domain, UndefineFlags flags)
{
    return runOnDomain(d.get(), domain, &virDomainUndefineFlags, flags.toInt());
}

QFuture<void> QVirtConnection::setDomainAutostart(const QVirtDomainRef &domain, bool autostart)
{
    return runOnDomain(d.get(), domain, &virDomainSetAutostart, autostart ? 1 : 0);
}

QFuture<void> QVirtConnection::setDomainMemory(const QVirtDomainRef &domain, quint64 kib,
                                               MemoryFlags flags)
{
    // libvirt takes an unsigned long, 64 bits wide on every platform
    // libvirt's QEMU driver runs on but 32 on some that QtVirt builds for.
    if (kib > std::numeric_limits<unsigned long>::max()) {
        return failed<void>(QCoreApplication::translate("QVirtConnection",
                                                        "%1 KiB is more than libvirt can take here")
                                .arg(kib));
    }
    return runOnDomain(d.get(), domain, &virDomainSetMemoryFlags, static_cast<unsigned long>(kib),
                       flags.toInt());
}

QFuture<void> QVirtConnection::setDomainVcpus(const QVirtDomainRef &domain, unsigned int count,
                                              VcpuFlags flags)
{
    return runOnDomain(d.get(), domain, &virDomainSetVcpusFlags, count, flags.toInt());
}

QFuture<QString> QVirtConnection::domainXml(const QVirtDomainRef &domain, XmlFlags flags)
{
    return runOnDomain<QString>(d.get(), domain, [flags = flags.toInt()](virDomainPtr dom) {
        char *xml = virDomainGetXMLDesc(dom, flags);
        if (!xml) {
            throw QVirtError::fromLastError(
                QCoreApplication::translate("QVirtConnection", "the operation failed"));
        }
        QString text = QString::fromUtf8(xml);
        free(xml); // NOLINT(cppcoreguidelines-no-malloc): libvirt allocated it
        return text;
    });
}

QFuture<QVirtDomainRef> QVirtConnection::defineDomain(const QString &xml)
{
    return runMaking(d.get(), xml, &virDomainDefineXMLFlags, 0,
                     QT_TRANSLATE_NOOP("QVirtConnection", "cannot define the domain"));
}

QFuture<QVirtDomainRef> QVirtConnection::createDomain(const QString &xml, CreateFlags flags)
{
    return runMaking(d.get(), xml, &virDomainCreateXML, flags.toInt(),
                     QT_TRANSLATE_NOOP("QVirtConnection", "cannot create the domain"));
}

QFuture<QList<QVirtDomainInfo>> QVirtConnection::listDomains()
{
    return runOnPool<QList<QVirtDomainInfo>>(d.get(), &listDomainInfos);
}
