// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/resultmailbox.h"

#include <QtVirt/qvirtconnection.h>

ResultMailbox::ResultMailbox(QVirtConnection *owner)
    : m_owner(owner)
{ }

bool ResultMailbox::post(std::function<void(QVirtConnection *)> task)
{
    const QMutexLocker locker(&m_mutex);
    if (!m_owner)
        return false;
    QVirtConnection *owner = m_owner;
    QMetaObject::invokeMethod(
        owner, [owner, task = std::move(task)] { task(owner); }, Qt::QueuedConnection);
    return true;
}

void ResultMailbox::detach()
{
    const QMutexLocker locker(&m_mutex);
    m_owner = nullptr;
}
