// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_EVENTREGISTRAR_H
#define QTVIRT_CONNECTION_EVENTREGISTRAR_H

#include "connection/domainhandle.h"
#include "connection/eventregistrations.h"

#include <QtVirt/qvirtdomainevents.h>
#include <QtVirt/qvirtdomainref.h>

#include <QtCore/QPointer>
#include <QtCore/QString>

#include <map>
#include <memory>
#include <vector>

class ConnectionLink;

// The event callbacks one open connection holds, for its QVirtConnection and
// for each of its QVirtDomainEvents. Registering and deregistering a
// callback, and looking up the domain one is limited to, are round trips to
// the daemon, which a frozen daemon never answers; connect() to a signal
// runs them on the GUI thread's behalf. So what the receivers want is
// gathered in the owner's thread (Wishes) and carried out here in the
// connection's SerialWorker, whose last task, the teardown, clear()s it.
// Apart from the static functions, everything here runs in that worker
// (docs/libvirt-calls.md).
class EventRegistrar
{
public:
    // The 27 domain events of libvirt 9.0 and those of the other objects,
    // in the order of Wishes::connection.
    static const std::vector<EventBinding> &connectionBindings();
    // The domain events one QVirtDomainEvents offers, in the order of
    // DomainWish::wanted.
    static const std::vector<EventBinding> &oneDomainBindings();

    // What one QVirtDomainEvents wants.
    struct DomainWish
    {
        quint64 key; // identifies it among the connection's, never reused
        QVirtDomainRef domain;
        QPointer<QVirtDomainEvents> target;
        std::vector<bool> wanted;

        // The domain and target go with the key.
        bool operator==(const DomainWish &other) const
        {
            return key == other.key && wanted == other.wanted;
        }
    };
    // What the receivers of every signal want, at one moment.
    struct Wishes
    {
        std::vector<bool> connection;
        std::vector<DomainWish> domains;

        bool operator==(const Wishes &other) const
        {
            return connection == other.connection && domains == other.domains;
        }
    };
    // A domain looked up during a sync: failure is libvirt's message, or
    // empty when the domain was found.
    struct Lookup
    {
        quint64 key;
        QString failure;
    };

    EventRegistrar(virConnectPtr conn, std::shared_ptr<ConnectionLink> link);

    // Registers what wishes want and is missing, and deregisters the rest,
    // also every callback of a QVirtDomainEvents no longer among them.
    // Returns the lookups it made (one per domain and connection, unless
    // it failed: then it is tried again at the next sync).
    std::vector<Lookup> sync(const Wishes &wishes);
    // Deregisters every callback and drops the domains' references, which
    // hold the connection: the teardown's first step.
    void clear();

private:
    struct DomainCallbacks
    {
        EventRegistrations registrations{oneDomainBindings()};
        DomainHandle dom;
    };

    virConnectPtr const m_conn;
    const std::shared_ptr<ConnectionLink> m_link;
    EventRegistrations m_connection{connectionBindings()};
    std::map<quint64, DomainCallbacks> m_domains;
};

#endif // QTVIRT_CONNECTION_EVENTREGISTRAR_H
