// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_FOREIGNTYPES_H
#define QTVIRT_QML_FOREIGNTYPES_H

// The core library's types as QML sees them. QtVirtCore knows nothing of
// QML, so they are declared here instead of in their own headers.

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainEvents>
#include <QtVirt/QVirtEvents>

#include <QtQml/qqml.h>

// The element type of DomainModel.connections and the base of Connection.
struct QVirtConnectionForeign
{
    Q_GADGET
    QML_FOREIGN(QVirtConnection)
    QML_ANONYMOUS
};

// DomainEvents.events: its signals and Error enum, for Connections.
struct QVirtDomainEventsForeign
{
    Q_GADGET
    QML_FOREIGN(QVirtDomainEvents)
    QML_ANONYMOUS
};

// What the domain signals carry: domainRef.name, .uuidString, .id.
struct QVirtDomainRefForeign
{
    Q_GADGET
    QML_FOREIGN(QVirtDomainRef)
    QML_VALUE_TYPE(domainRef)
};

// The enums the event signals carry, compared in QML by their scoped
// names only (QVirtEvents declares so): QVirtEvents.DomainEvent.Started,
// QVirtEvents.StartedDetail.Booted.
namespace QVirtEventsForeign {
Q_NAMESPACE
QML_FOREIGN_NAMESPACE(QVirtEvents)
QML_NAMED_ELEMENT(QVirtEvents)
} // namespace QVirtEventsForeign

#endif // QTVIRT_QML_FOREIGNTYPES_H
