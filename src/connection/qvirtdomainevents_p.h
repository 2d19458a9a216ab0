// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_QVIRTDOMAINEVENTS_P_H
#define QTVIRT_CONNECTION_QVIRTDOMAINEVENTS_P_H

#include "connection/eventregistrar.h"

#include <QtVirt/qvirtdomainevents.h>

class QVirtConnectionPrivate;

class QVirtDomainEventsPrivate
{
public:
    QVirtDomainEventsPrivate(QVirtDomainEvents *owner, QVirtConnectionPrivate *owningConnection,
                             const QVirtDomainRef &ref);

    // What the receivers of q's signals want, for the connection's
    // EventRegistrar. In q's thread.
    EventRegistrar::DomainWish wish() const;
    // The domain was looked up to register a callback, in the connection's
    // sync number sync: failure is libvirt's message, empty when it was
    // found. Reports of an older sync than the last one reported are
    // dropped.
    void lookedUp(quint64 sync, const QString &failure);

    QVirtDomainEvents *const q;
    // Null once the connection is destroyed.
    QVirtConnectionPrivate *connection;
    const QVirtDomainRef domain;
    // Identifies this object to the connection's EventRegistrar.
    const quint64 key;
    QVirtDomainEvents::Error error = QVirtDomainEvents::NoError;
    QString errorString;
    quint64 lastLookupSync = 0;
    // The last lookup reported failed: set at once, while error() changes
    // only with the queued errorOccurred().
    bool lookupFailing = false;
};

#endif // QTVIRT_CONNECTION_QVIRTDOMAINEVENTS_P_H
