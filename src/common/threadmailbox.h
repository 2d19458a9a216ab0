// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_COMMON_THREADMAILBOX_H
#define QTVIRT_COMMON_THREADMAILBOX_H

#include <QtCore/QObject>

#include <functional>
#include <memory>
#include <mutex>

// Lets worker threads hand work to an owner object's thread without racing
// the owner's destruction: posting and detach() share a mutex, and a task
// checks at delivery that the mailbox is still attached, so after detach()
// nothing posted runs, whether it was posted before or after.
class ThreadMailbox : public std::enable_shared_from_this<ThreadMailbox>
{
public:
    // In owner's thread. Shared, since worker threads keep it past the
    // owner's end.
    static std::shared_ptr<ThreadMailbox> create(QObject *owner);

    // From any thread: queues task to run in the owner's thread. False, and
    // task is dropped at once, once detached.
    bool post(std::function<void()> task);
    // Like post(), but runs task at once when called in the owner's thread
    // (not under the mailbox's lock: task may post again).
    void deliver(std::function<void()> task);
    // In the owner's thread, from its destructor at the latest.
    void detach();

private:
    explicit ThreadMailbox(QObject *owner);
    bool isAttached();
    void postLocked(std::function<void()> task);

    // Runs the posted tasks; a child of the owner, so it dies with it.
    class Receiver : public QObject
    {
    public:
        using QObject::QObject;

    protected:
        bool event(QEvent *event) override;
    };

    std::mutex m_mutex;
    Receiver *m_receiver; // null once detached
};

#endif // QTVIRT_COMMON_THREADMAILBOX_H
