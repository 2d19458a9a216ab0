// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_FOREIGNTYPES_H
#define QTVIRT_QML_FOREIGNTYPES_H

// The core library's types as QML sees them. QtVirtCore knows nothing of
// QML, so they are declared here instead of in their own headers.

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtCredential>
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

// DomainEvent's names unscoped, QVirtEvents.Started, as a plain enum:
// QML registers a plain enum's names unscoped whatever the namespace's
// RegisterEnumClassesUnscoped says. Only DomainEvent's: registering every
// QVirtEvents enum unscoped makes Qt warn of name clashes and keep the last
// one, so that QVirtEvents.Stopped would be NetworkEvent::Stopped (3, which
// is DomainEvent::Suspended) and QVirtEvents.Crashed StoppedDetail::Crashed
// (2, DomainEvent::Started).
namespace QVirtEventsUnscopedNames {
Q_NAMESPACE
enum DomainEventName {
    Defined = int(QVirtEvents::DomainEvent::Defined),
    Undefined = int(QVirtEvents::DomainEvent::Undefined),
    Started = int(QVirtEvents::DomainEvent::Started),
    Suspended = int(QVirtEvents::DomainEvent::Suspended),
    Resumed = int(QVirtEvents::DomainEvent::Resumed),
    Stopped = int(QVirtEvents::DomainEvent::Stopped),
    Shutdown = int(QVirtEvents::DomainEvent::Shutdown),
    PMSuspended = int(QVirtEvents::DomainEvent::PMSuspended),
    Crashed = int(QVirtEvents::DomainEvent::Crashed),
};
Q_ENUM_NS(DomainEventName)
} // namespace QVirtEventsUnscopedNames

// The enums the event signals carry, compared in QML by their scoped names
// (QVirtEvents declares so): QVirtEvents.DomainEvent.Started,
// QVirtEvents.StartedDetail.Booted; and DomainEvent's also unscoped,
// QVirtEvents.Started, from the extension above.
namespace QVirtEventsForeign {
Q_NAMESPACE
QML_FOREIGN_NAMESPACE(QVirtEvents)
QML_NAMED_ELEMENT(QVirtEvents)
Q_CLASSINFO("QML.Extended", "QVirtEventsUnscopedNames")
Q_CLASSINFO("QML.ExtensionIsNamespace", "true")
} // namespace QVirtEventsForeign

// What Connection's credentialsRequested(credentials) carries: each entry's
// type, prompt, challenge, defaultResult and a writable result.
struct QVirtCredentialForeign
{
    Q_GADGET
    QML_FOREIGN(QVirtCredential)
    QML_VALUE_TYPE(credential)
};

// The list itself, which QML reads by index and length, changes, and passes
// back to answerCredentials(); otherwise it reached QML as an opaque value.
struct QVirtCredentialListForeign
{
    Q_GADGET
    QML_FOREIGN(QList<QVirtCredential>)
    QML_ANONYMOUS
    QML_SEQUENTIAL_CONTAINER(QVirtCredential)
};

// QVirtCredential::Type in QML: Credential.Type.Passphrase (and
// Credential.Passphrase). Declared again with the C++ values, because a
// foreign namespace of the value type would have the value type's own name
// in the module's qmltypes, which qmllint then takes for the value type.
namespace QVirtCredentialEnums {
Q_NAMESPACE
QML_NAMED_ELEMENT(Credential)
enum class Type {
    UserName = int(QVirtCredential::Type::UserName),
    AuthName = int(QVirtCredential::Type::AuthName),
    Language = int(QVirtCredential::Type::Language),
    ClientNonce = int(QVirtCredential::Type::ClientNonce),
    Passphrase = int(QVirtCredential::Type::Passphrase),
    EchoPrompt = int(QVirtCredential::Type::EchoPrompt),
    NoEchoPrompt = int(QVirtCredential::Type::NoEchoPrompt),
    Realm = int(QVirtCredential::Type::Realm),
    External = int(QVirtCredential::Type::External),
};
Q_ENUM_NS(Type)
} // namespace QVirtCredentialEnums

#endif // QTVIRT_QML_FOREIGNTYPES_H
