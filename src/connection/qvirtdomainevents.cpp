// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/qvirtdomainevents_p.h"

#include "common/logging.h"
#include "connection/domaineventslink.h"
#include "connection/qvirtconnection_p.h"

#include <QtCore/QThread>

#include <libvirt/virterror.h>

QVirtDomainEventsPrivate::QVirtDomainEventsPrivate(QVirtDomainEvents *owner,
                                                   QVirtConnectionPrivate *owningConnection,
                                                   const QVirtDomainRef &ref)
    : q(owner)
    , connection(owningConnection)
    , domain(ref)
    , registrations(oneDomainEventBindings())
{
    connection->domainEvents.insert(this);
}

QVirtDomainEventsPrivate::~QVirtDomainEventsPrivate()
{
    forgetDomain();
}

void QVirtDomainEventsPrivate::sync(virConnectPtr conn, const std::shared_ptr<ConnectionLink> &link)
{
    const EventRegistrations::Target target{
        [this, conn, &link] { return lookUp(conn, link); },
        [this, &link] { return DomainEventsLink::retain(link, q); }, &DomainEventsLink::release};
    registrations.sync(conn, target,
                       [this](const QMetaMethod &signal) { return q->isSignalConnected(signal); });
}

std::vector<EventRegistrations::Registration> QVirtDomainEventsPrivate::takeAll()
{
    // A virDomainPtr holds its connection: it must not keep a closed one.
    forgetDomain();
    return registrations.takeAll();
}

void QVirtDomainEventsPrivate::requestSync(bool now)
{
    // As QVirtConnection's: libvirt calls belong to the connection's
    // thread, and disconnectNotify() may run with Qt's connection lock held.
    if (now && QThread::currentThread() == q->thread()) {
        if (connection)
            sync(connection->conn.get(), connection->link);
        return;
    }
    QMetaObject::invokeMethod(
        q,
        [this] {
            if (connection)
                sync(connection->conn.get(), connection->link);
        },
        Qt::QueuedConnection);
}

virDomainPtr QVirtDomainEventsPrivate::lookUp(virConnectPtr conn,
                                              const std::shared_ptr<ConnectionLink> &link)
{
    if (m_dom && m_domLink.lock() == link)
        return m_dom.get();
    forgetDomain();
    m_dom.reset(!domain.uuid().isNull()
                    ? virDomainLookupByUUIDString(conn, domain.uuidString().toLatin1().constData())
                    : virDomainLookupByName(conn, domain.name().toUtf8().constData()));
    if (!m_dom) {
        const QString message = QString::fromUtf8(virGetLastErrorMessage());
        qCInfo(lcQtVirtConnection, "no events of domain %s: %s",
               qUtf8Printable(domain.name().isEmpty() ? domain.uuidString() : domain.name()),
               qUtf8Printable(message));
        // Queued: this may run inside connectNotify(). error() and
        // errorString() change with the emission, so that they agree with it.
        QMetaObject::invokeMethod(
            q,
            [this, message] {
                error = QVirtDomainEvents::LookupError;
                errorString = message;
                Q_EMIT q->errorOccurred(error);
            },
            Qt::QueuedConnection);
        return nullptr;
    }
    error = QVirtDomainEvents::NoError;
    errorString.clear();
    m_domLink = link;
    return m_dom.get();
}

void QVirtDomainEventsPrivate::forgetDomain()
{
    m_dom.reset();
    m_domLink.reset();
}

QVirtDomainEvents::QVirtDomainEvents(QVirtConnection *connection, const QVirtDomainRef &domain)
    : QObject(connection)
    , d(std::make_unique<QVirtDomainEventsPrivate>(this, QVirtConnectionPrivate::get(connection),
                                                   domain))
{ }

QVirtDomainEvents::~QVirtDomainEvents()
{
    if (!d->connection)
        return; // the connection's teardown took the callbacks
    d->connection->domainEvents.erase(d.get());
    // The callbacks go now, as on a disconnect() from a QVirtConnection
    // signal: the link's target is gone, so whatever arrives meanwhile is
    // dropped.
    if (virConnectPtr conn = d->connection->conn.get()) {
        for (const EventRegistrations::Registration &registration : d->takeAll()) {
            if (registration.deregister(conn, registration.id) < 0) {
                qCInfo(lcQtVirtConnection, "deregistering a domain's events: %s",
                       virGetLastErrorMessage());
            }
        }
    }
}

QVirtDomainRef QVirtDomainEvents::domain() const
{
    return d->domain;
}

QVirtDomainEvents::Error QVirtDomainEvents::error() const
{
    return d->error;
}

QString QVirtDomainEvents::errorString() const
{
    return d->errorString;
}

void QVirtDomainEvents::connectNotify(const QMetaMethod &)
{
    d->requestSync(true);
}

void QVirtDomainEvents::disconnectNotify(const QMetaMethod &)
{
    d->requestSync(false);
}
