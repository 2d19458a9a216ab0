// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection's QFuture-returning domain operations, on the machinery
// of connection/pooloperation.h.

#include "connection/domainlisting.h"
#include "connection/domainref.h"
#include "connection/libvirtallocations.h"
#include "connection/pooloperation.h"

#include <QtCore/QCoreApplication>

#include <limits>

namespace {

using Domain = DomainHandle;
using PoolOperation::failed;
using PoolOperation::runOnDomain;
using PoolOperation::runOnPool;

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
        return takeLibvirtString(xml);
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
