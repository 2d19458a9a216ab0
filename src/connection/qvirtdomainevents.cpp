// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/qvirtdomainevents_p.h"

#include "connection/qvirtconnection_p.h"

QVirtDomainEventsPrivate::QVirtDomainEventsPrivate(QVirtDomainEvents *owner,
                                                   QVirtConnectionPrivate *owningConnection,
                                                   const QVirtDomainRef &ref)
    : q(owner)
    , connection(owningConnection)
    , domain(ref)
    , key(++owningConnection->nextDomainEventsKey)
{
    connection->domainEvents.insert(this);
}

EventRegistrar::DomainWish QVirtDomainEventsPrivate::wish() const
{
    return EventRegistrar::DomainWish{
        key, domain, q,
        EventRegistrations::wanted(
            EventRegistrar::oneDomainBindings(),
            [this](const QMetaMethod &signal) { return q->isSignalConnected(signal); })};
}

void QVirtDomainEventsPrivate::lookedUp(quint64 sync, const QString &failure)
{
    if (sync <= lastLookupSync)
        return;
    lastLookupSync = sync;
    lookupFailing = !failure.isEmpty();
    if (failure.isEmpty()) {
        error = QVirtDomainEvents::NoError;
        errorString.clear();
        return;
    }
    // Queued: this may run inside connectNotify(). error() and
    // errorString() change with the emission, so that they agree with it,
    // unless a newer lookup was reported meanwhile.
    QMetaObject::invokeMethod(
        q,
        [this, sync, failure] {
            if (sync != lastLookupSync)
                return;
            error = QVirtDomainEvents::LookupError;
            errorString = failure;
            Q_EMIT q->errorOccurred(error);
        },
        Qt::QueuedConnection);
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
    // Its callbacks go with the sync made now: the links' target is gone,
    // so whatever arrives meanwhile is dropped.
    d->connection->syncRegistrations();
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
    // As QVirtConnection's.
    if (d->connection)
        d->connection->requestSync(QVirtConnectionPrivate::SyncTiming::Now);
}

void QVirtDomainEvents::disconnectNotify(const QMetaMethod &)
{
    if (d->connection)
        d->connection->requestSync(QVirtConnectionPrivate::SyncTiming::Later);
}
