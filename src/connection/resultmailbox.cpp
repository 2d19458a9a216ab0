// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/resultmailbox.h"

#include "common/crossthreadcall.h"

#include <QtVirt/qvirtconnection.h>

#include <QtCore/QThread>

ResultMailbox::ResultMailbox(QVirtConnection *owner)
    : m_owner(owner)
    , m_receiver(new Receiver(owner))
{ }

bool ResultMailbox::post(std::function<void(QVirtConnection *)> task)
{
    const std::lock_guard locker(m_mutex);
    if (!m_owner)
        return false;
    CrossThreadCall::post(m_receiver, [owner = m_owner, task = std::move(task)] { task(owner); });
    return true;
}

void ResultMailbox::deliver(std::function<void(QVirtConnection *)> task)
{
    std::unique_lock locker(m_mutex);
    if (!m_owner)
        return;
    if (QThread::currentThread() != m_owner->thread()) {
        CrossThreadCall::post(m_receiver,
                              [owner = m_owner, task = std::move(task)] { task(owner); });
        return;
    }
    // Only the owner's own thread can destroy it, and that is this one.
    QVirtConnection *owner = m_owner;
    locker.unlock();
    task(owner);
}

void ResultMailbox::detach()
{
    const std::lock_guard locker(m_mutex);
    m_owner = nullptr;
    m_receiver = nullptr;
}

bool ResultMailbox::Receiver::event(QEvent *event)
{
    return CrossThreadCall::deliver(event) || QObject::event(event);
}
