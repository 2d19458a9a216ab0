// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/connectionlink.h"

#include "connection/qvirtconnection_p.h"
#include "connection/resultmailbox.h"

ConnectionLink::ConnectionLink(std::shared_ptr<ResultMailbox> mailbox, quint64 generation)
    : m_mailbox(std::move(mailbox))
    , m_generation(generation)
{ }

void *ConnectionLink::retain()
{
    return new std::shared_ptr<ConnectionLink>(shared_from_this());
}

void ConnectionLink::release(void *opaque)
{
    delete static_cast<std::shared_ptr<ConnectionLink> *>(opaque);
}

ConnectionLink &ConnectionLink::from(void *opaque)
{
    return **static_cast<std::shared_ptr<ConnectionLink> *>(opaque);
}

void ConnectionLink::deliver(Task task)
{
    m_mailbox->deliver(guarded(std::move(task)));
}

void ConnectionLink::post(Task task)
{
    m_mailbox->post(guarded(std::move(task)));
}

ConnectionLink::Task ConnectionLink::guarded(Task task) const
{
    return [generation = m_generation, task = std::move(task)](QVirtConnection *q) {
        if (QVirtConnectionPrivate::get(q)->holds(generation))
            task(q);
    };
}
