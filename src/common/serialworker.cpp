// SPDX-License-Identifier: LGPL-2.1-or-later
#include "common/serialworker.h"

#include "common/backgroundwork.h"
#include "common/detachedthread.h"

std::shared_ptr<SerialWorker> SerialWorker::create(QMessageLogger::CategoryFunction category)
{
    return std::shared_ptr<SerialWorker>(new SerialWorker(category));
}

SerialWorker::SerialWorker(QMessageLogger::CategoryFunction category)
    : m_category(category)
{ }

bool SerialWorker::run(std::function<void()> task, std::chrono::milliseconds grace)
{
    std::unique_lock lock(m_mutex);
    BackgroundWork::begin();
    m_tasks.push_back(std::move(task));
    const quint64 ticket = ++m_queued;
    if (!m_draining) {
        m_draining = true;
        const bool started = runInDetachedThread(
            [self = shared_from_this()] {
                std::unique_lock threadLock(self->m_mutex);
                self->drain(threadLock);
            },
            m_category);
        if (!started) {
            // Late rather than never, and in order: what is queued lets go
            // of connections, which would leak otherwise.
            drain(lock);
            return true;
        }
    }
    if (m_overdue || grace.count() <= 0)
        return false;
    if (m_ran.wait_for(lock, grace, [this, ticket] { return m_done >= ticket; }))
        return true;
    m_overdue = true;
    return false;
}

void SerialWorker::drain(std::unique_lock<std::mutex> &lock)
{
    while (!m_tasks.empty()) {
        std::function<void()> task = std::move(m_tasks.front());
        m_tasks.pop_front();
        lock.unlock();
        task();
        // What it captured (a connection, a link) goes here, not under
        // the lock.
        task = nullptr;
        BackgroundWork::end();
        lock.lock();
        ++m_done;
        m_ran.notify_all();
    }
    m_draining = false;
    m_overdue = false;
}
