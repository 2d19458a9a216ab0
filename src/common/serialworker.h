// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_COMMON_SERIALWORKER_H
#define QTVIRT_COMMON_SERIALWORKER_H

#include <QtCore/QLoggingCategory>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

// Runs tasks one after another, in the order they came, in a thread of its
// own (runInDetachedThread()) that ends when none is left. For the libvirt
// calls of one connection that must keep their order (an event callback is
// deregistered before the same one is registered again, the teardown comes
// last) and that a frozen daemon blocks for as long as it stays frozen.
// Each queued task counts as BackgroundWork until it ran.
class SerialWorker : public std::enable_shared_from_this<SerialWorker>
{
public:
    static std::shared_ptr<SerialWorker> create(QMessageLogger::CategoryFunction category);

    // Queues task and waits up to grace for it to run, so that against a
    // daemon that answers the caller sees its effect at once. No wait at
    // all once a wait timed out and the tasks before have not all run since:
    // the daemon is stuck, and waiting again only adds to the caller's
    // stall. True when task ran before this returned.
    bool run(std::function<void()> task, std::chrono::milliseconds grace);

private:
    explicit SerialWorker(QMessageLogger::CategoryFunction category);
    // Runs the queue until it is empty (with m_mutex locked by lock).
    void drain(std::unique_lock<std::mutex> &lock);

    const QMessageLogger::CategoryFunction m_category;
    std::mutex m_mutex;
    std::condition_variable m_ran;
    std::deque<std::function<void()>> m_tasks;
    quint64 m_queued = 0;
    quint64 m_done = 0;
    bool m_draining = false;
    bool m_overdue = false;
};

#endif // QTVIRT_COMMON_SERIALWORKER_H
