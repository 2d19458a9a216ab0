// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/resultmailbox.h"

#include "common/threadmailbox.h"

#include <QtVirt/qvirtconnection.h>

ResultMailbox::ResultMailbox(QVirtConnection *owner)
    : m_owner(owner)
    , m_box(ThreadMailbox::create(owner))
{ }

bool ResultMailbox::post(std::function<void(QVirtConnection *)> task)
{
    // The box runs nothing once the owner detached it, so the owner is alive
    // wherever the task runs.
    return m_box->post([owner = m_owner, task = std::move(task)] { task(owner); });
}

void ResultMailbox::deliver(std::function<void(QVirtConnection *)> task)
{
    m_box->deliver([owner = m_owner, task = std::move(task)] { task(owner); });
}

void ResultMailbox::detach()
{
    m_box->detach();
}
