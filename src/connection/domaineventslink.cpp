// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/domaineventslink.h"

DomainEventsLink::DomainEventsLink(std::shared_ptr<ConnectionLink> link,
                                   QPointer<QVirtDomainEvents> target)
    : m_link(std::move(link))
    , m_target(std::move(target))
{ }

void *DomainEventsLink::retain(std::shared_ptr<ConnectionLink> link,
                               QPointer<QVirtDomainEvents> target)
{
    return new DomainEventsLink(std::move(link), std::move(target));
}

void DomainEventsLink::release(void *opaque)
{
    delete static_cast<DomainEventsLink *>(opaque);
}

DomainEventsLink &DomainEventsLink::from(void *opaque)
{
    return *static_cast<DomainEventsLink *>(opaque);
}
