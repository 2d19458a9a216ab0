// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_DOMAINEVENTSLINK_H
#define QTVIRT_CONNECTION_DOMAINEVENTSLINK_H

#include "connection/connectionlink.h"

#include <QtVirt/qvirtdomainevents.h>

#include <QtCore/QPointer>

#include <memory>
#include <utility>

// What the callbacks of one QVirtDomainEvents hold: the link of the
// connection they are registered on, through which every event goes (so
// that, as for the connection's own callbacks, nothing of a connection that
// was closed, lost or replaced is delivered), and the QVirtDomainEvents
// itself, which the application may have deleted by the time an event
// arrives.
class DomainEventsLink
{
public:
    // An opaque pointer for libvirt, freed by release().
    static void *retain(std::shared_ptr<ConnectionLink> link, QPointer<QVirtDomainEvents> target);
    static void release(void *opaque);
    static DomainEventsLink &from(void *opaque);

    // From any thread: emitter(target) in the owner's thread, if both the
    // connection and the target are still there then.
    template<typename Emitter> void deliver(Emitter emitter)
    {
        m_link->deliver([target = m_target, emitter = std::move(emitter)](QVirtConnection *) {
            if (target)
                emitter(target.data());
        });
    }

private:
    DomainEventsLink(std::shared_ptr<ConnectionLink> link, QPointer<QVirtDomainEvents> target);

    const std::shared_ptr<ConnectionLink> m_link;
    const QPointer<QVirtDomainEvents> m_target;
};

// Where a per-domain callback sends its event: QVirtDomainEvents's signals.
struct ToDomainEvents
{
    using Target = QVirtDomainEvents;
    template<typename Emitter> static void deliver(void *opaque, Emitter emitter)
    {
        DomainEventsLink::from(opaque).deliver(std::move(emitter));
    }
};

#endif // QTVIRT_CONNECTION_DOMAINEVENTSLINK_H
