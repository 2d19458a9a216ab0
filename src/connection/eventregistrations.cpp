// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/eventregistrations.h"

#include "common/logging.h"

#include <libvirt/virterror.h>

namespace {

std::vector<EventBinding> allBindings()
{
    std::vector<EventBinding> bindings = domainEventBindings();
    const std::vector<EventBinding> objects = objectEventBindings();
    bindings.insert(bindings.end(), objects.begin(), objects.end());
    return bindings;
}

} // namespace

EventRegistrations::EventRegistrations()
    : EventRegistrations(allBindings())
{ }

EventRegistrations::EventRegistrations(std::vector<EventBinding> bindings)
    : m_bindings(std::move(bindings))
    , m_ids(m_bindings.size(), None)
{ }

void EventRegistrations::sync(virConnectPtr conn, const Target &target,
                              const std::function<bool(const QMetaMethod &)> &hasListeners)
{
    for (std::size_t i = 0; i < m_bindings.size(); ++i) {
        const EventBinding &binding = m_bindings[i];
        const bool wanted = conn && hasListeners(binding.signal);
        int &id = m_ids[i];
        if (wanted && id == None) {
            virDomainPtr dom = nullptr;
            if (target.domain) {
                dom = target.domain();
                if (!dom)
                    continue; // the domain is not there: asked again at the next sync
            }
            void *opaque = target.retain();
            id = binding.registerCallback(conn, dom, opaque, target.release);
            if (id < 0) {
                target.release(opaque);
                qCInfo(lcQtVirtConnection, "the driver refuses %s events: %s", binding.name,
                       virGetLastErrorMessage());
                id = Refused;
            }
        } else if (!wanted && id >= 0) {
            if (conn && binding.deregisterCallback(conn, id) < 0) {
                qCInfo(lcQtVirtConnection, "deregistering %s events: %s", binding.name,
                       virGetLastErrorMessage());
            }
            id = None;
        }
    }
}

std::vector<EventRegistrations::Registration> EventRegistrations::takeAll()
{
    std::vector<Registration> live;
    for (std::size_t i = 0; i < m_bindings.size(); ++i) {
        if (m_ids[i] >= 0)
            live.push_back(Registration{m_bindings[i].deregisterCallback, m_ids[i]});
        m_ids[i] = None;
    }
    return live;
}
