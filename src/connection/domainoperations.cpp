// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection's QFuture-returning domain operations: the blocking call
// runs in a pool thread on a reference of its own, and the promise is
// finished in the connection's thread, so continuations without a context
// run there too.

#include "connection/qvirtconnection_p.h"
#include "connection/resultmailbox.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QPromise>
#include <QtCore/QThreadPool>

#include <optional>
#include <type_traits>

namespace {

struct DomainReleaser
{
    void operator()(virDomainPtr dom) const { virDomainFree(dom); }
};
using Domain = std::unique_ptr<virDomain, DomainReleaser>;

template<typename T> struct Outcome
{
    std::optional<QVirtError> error;
    std::conditional_t<std::is_void_v<T>, bool, std::optional<T>> value{};
};

template<typename T, typename Call>
QFuture<T> runOnPool(QVirtConnectionPrivate *d, const Call &call)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    ConnectionHandle conn = shareConnection(d->conn.get());
    if (!conn) {
        promise->setException(QVirtError(
            QCoreApplication::translate("QVirtConnection", "the connection is not open")));
        promise->finish();
        return future;
    }
    QThreadPool::globalInstance()->start([promise, conn, call, box = d->mailbox] {
        auto outcome = std::make_shared<Outcome<T>>();
        try {
            if constexpr (std::is_void_v<T>)
                call(conn.get());
            else
                outcome->value = call(conn.get());
        } catch (const QVirtError &error) {
            outcome->error = error;
        }
        // When the owner is gone the task is dropped, and the promise's
        // destructor cancels the future.
        box->post([promise, outcome](QVirtConnection *) {
            if (outcome->error) {
                promise->setException(*outcome->error);
            } else {
                if constexpr (!std::is_void_v<T>)
                    promise->addResult(*outcome->value);
            }
            promise->finish();
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

QVirtDomainRef refOf(virDomainPtr dom)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    virDomainGetUUIDString(dom, uuid);
    const unsigned int id = virDomainGetID(dom);
    return QVirtDomainRef(QString::fromUtf8(virDomainGetName(dom)),
                          QUuid::fromString(QLatin1String(uuid)),
                          id == static_cast<unsigned int>(-1) ? -1 : static_cast<int>(id));
}

QFuture<void> runOnDomain(QVirtConnectionPrivate *d, const QVirtDomainRef &domain,
                          int (*operation)(virDomainPtr))
{
    return runOnPool<void>(d, [domain, operation](virConnectPtr conn) {
        const Domain dom = lookUp(conn, domain);
        if (operation(dom.get()) < 0) {
            throw QVirtError::fromLastError(
                QCoreApplication::translate("QVirtConnection", "the operation failed"));
        }
    });
}

} // namespace

QFuture<void> QVirtConnection::startDomain(const QVirtDomainRef &domain)
{
    return runOnDomain(d.get(), domain, &virDomainCreate);
}

QFuture<void> QVirtConnection::shutdownDomain(const QVirtDomainRef &domain)
{
    return runOnDomain(d.get(), domain, &virDomainShutdown);
}

QFuture<void> QVirtConnection::destroyDomain(const QVirtDomainRef &domain)
{
    return runOnDomain(d.get(), domain, &virDomainDestroy);
}

QFuture<void> QVirtConnection::suspendDomain(const QVirtDomainRef &domain)
{
    return runOnDomain(d.get(), domain, &virDomainSuspend);
}

QFuture<void> QVirtConnection::resumeDomain(const QVirtDomainRef &domain)
{
    return runOnDomain(d.get(), domain, &virDomainResume);
}

QFuture<void> QVirtConnection::undefineDomain(const QVirtDomainRef &domain)
{
    return runOnDomain(d.get(), domain, &virDomainUndefine);
}

QFuture<QVirtDomainRef> QVirtConnection::defineDomain(const QString &xml)
{
    return runOnPool<QVirtDomainRef>(d.get(), [xml = xml.toUtf8()](virConnectPtr conn) {
        const Domain dom(virDomainDefineXML(conn, xml.constData()));
        if (!dom) {
            throw QVirtError::fromLastError(
                QCoreApplication::translate("QVirtConnection", "cannot define the domain"));
        }
        return refOf(dom.get());
    });
}
