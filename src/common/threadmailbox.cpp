// SPDX-License-Identifier: LGPL-2.1-or-later
#include "common/threadmailbox.h"

#include "common/crossthreadcall.h"

#include <QtCore/QThread>

std::shared_ptr<ThreadMailbox> ThreadMailbox::create(QObject *owner)
{
    return std::shared_ptr<ThreadMailbox>(new ThreadMailbox(owner));
}

ThreadMailbox::ThreadMailbox(QObject *owner)
    : m_receiver(new Receiver(owner))
{ }

bool ThreadMailbox::post(std::function<void()> task)
{
    const std::lock_guard locker(m_mutex);
    if (!m_receiver)
        return false;
    postLocked(std::move(task));
    return true;
}

void ThreadMailbox::deliver(std::function<void()> task)
{
    std::unique_lock locker(m_mutex);
    if (!m_receiver)
        return;
    if (QThread::currentThread() != m_receiver->thread()) {
        postLocked(std::move(task));
        return;
    }
    // Only the owner's own thread detaches, and that is this one.
    locker.unlock();
    task();
}

void ThreadMailbox::detach()
{
    const std::lock_guard locker(m_mutex);
    m_receiver = nullptr;
}

bool ThreadMailbox::isAttached()
{
    const std::lock_guard locker(m_mutex);
    return m_receiver != nullptr;
}

void ThreadMailbox::postLocked(std::function<void()> task)
{
    // Checked again where it runs: detach() may come between.
    CrossThreadCall::post(m_receiver, [self = shared_from_this(), task = std::move(task)] {
        if (self->isAttached())
            task();
    });
}

bool ThreadMailbox::Receiver::event(QEvent *event)
{
    return CrossThreadCall::deliver(event) || QObject::event(event);
}
