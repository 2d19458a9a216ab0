// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/eventregistrar.h"

#include "common/logging.h"
#include "connection/connectionlink.h"
#include "connection/domaineventslink.h"

#include <libvirt/virterror.h>

// Never destroyed: a worker still blocked on a frozen daemon at exit may
// finish its sync after static destructors ran.
const std::vector<EventBinding> &EventRegistrar::connectionBindings()
{
    static const auto *bindings = [] {
        auto *all = new std::vector<EventBinding>(domainEventBindings());
        const std::vector<EventBinding> objects = objectEventBindings();
        all->insert(all->end(), objects.begin(), objects.end());
        return all;
    }();
    return *bindings;
}

const std::vector<EventBinding> &EventRegistrar::oneDomainBindings()
{
    static const auto *bindings = new std::vector<EventBinding>(oneDomainEventBindings());
    return *bindings;
}

EventRegistrar::EventRegistrar(virConnectPtr conn, std::shared_ptr<ConnectionLink> link)
    : m_conn(conn)
    , m_link(std::move(link))
{ }

std::vector<EventRegistrar::Lookup> EventRegistrar::sync(const Wishes &wishes)
{
    const EventRegistrations::Target own{
        {}, [this] { return m_link->retain(); }, &ConnectionLink::release};
    m_connection.sync(m_conn, own, wishes.connection);

    std::map<quint64, DomainCallbacks> kept;
    for (const DomainWish &wish : wishes.domains) {
        if (auto known = m_domains.extract(wish.key))
            kept.insert(std::move(known));
    }
    // Those left belong to QVirtDomainEvents that are gone. First, so that
    // a new one for the same domain is not refused as a duplicate.
    for (auto &[key, callbacks] : m_domains)
        callbacks.registrations.clear(m_conn);
    m_domains = std::move(kept);

    std::vector<Lookup> lookups;
    for (const DomainWish &wish : wishes.domains) {
        DomainCallbacks &callbacks = m_domains[wish.key];
        bool lookedUp = false;
        const auto lookUp = [&]() -> virDomainPtr {
            if (callbacks.dom || lookedUp)
                return callbacks.dom.get();
            lookedUp = true;
            const QVirtDomainRef &ref = wish.domain;
            callbacks.dom.reset(
                !ref.uuid().isNull()
                    ? virDomainLookupByUUIDString(m_conn, ref.uuidString().toLatin1().constData())
                    : virDomainLookupByName(m_conn, ref.name().toUtf8().constData()));
            QString failure;
            if (!callbacks.dom) {
                failure = QString::fromUtf8(virGetLastErrorMessage());
                qCInfo(lcQtVirtConnection, "no events of domain %s: %s",
                       qUtf8Printable(ref.name().isEmpty() ? ref.uuidString() : ref.name()),
                       qUtf8Printable(failure));
            }
            lookups.push_back(Lookup{wish.key, failure});
            return callbacks.dom.get();
        };
        const EventRegistrations::Target target{
            lookUp, [this, &wish] { return DomainEventsLink::retain(m_link, wish.target); },
            &DomainEventsLink::release};
        callbacks.registrations.sync(m_conn, target, wish.wanted);
    }
    return lookups;
}

void EventRegistrar::clear()
{
    m_connection.clear(m_conn);
    for (auto &[key, callbacks] : m_domains)
        callbacks.registrations.clear(m_conn);
    m_domains.clear();
}
