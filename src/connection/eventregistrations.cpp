// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/eventregistrations.h"

#include "common/logging.h"

#include <libvirt/virterror.h>

EventRegistrations::EventRegistrations(const std::vector<EventBinding> &bindings)
    : m_bindings(bindings)
    , m_ids(m_bindings.size(), None)
{ }

std::vector<bool> EventRegistrations::wanted(
    const std::vector<EventBinding> &bindings,
    const std::function<bool(const QMetaMethod &)> &hasListeners)
{
    std::vector<bool> result;
    result.reserve(bindings.size());
    for (const EventBinding &binding : bindings)
        result.push_back(hasListeners(binding.signal));
    return result;
}

void EventRegistrations::sync(virConnectPtr conn, const Target &target,
                              const std::vector<bool> &wanted)
{
    for (std::size_t i = 0; i < m_bindings.size(); ++i) {
        const EventBinding &binding = m_bindings[i];
        int &id = m_ids[i];
        if (wanted[i] && id == None) {
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
        } else if (!wanted[i] && id >= 0) {
            if (binding.deregisterCallback(conn, id) < 0) {
                qCInfo(lcQtVirtConnection, "deregistering %s events: %s", binding.name,
                       virGetLastErrorMessage());
            }
            id = None;
        }
    }
}

void EventRegistrations::clear(virConnectPtr conn)
{
    for (std::size_t i = 0; i < m_bindings.size(); ++i) {
        if (m_ids[i] >= 0)
            m_bindings[i].deregisterCallback(conn, m_ids[i]);
        m_ids[i] = None;
    }
    virResetLastError();
}
