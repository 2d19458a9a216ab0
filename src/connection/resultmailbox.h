// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_RESULTMAILBOX_H
#define QTVIRT_CONNECTION_RESULTMAILBOX_H

#include <functional>
#include <memory>

class QVirtConnection;
class ThreadMailbox;

// A connection's ThreadMailbox: what worker threads hand to the
// connection's thread gets the connection, and nothing arrives once the
// connection detached it.
class ResultMailbox
{
public:
    // In the owner's thread.
    explicit ResultMailbox(QVirtConnection *owner);
    // Queues task to run in the owner's thread. False, and task is dropped
    // at once, when the owner is gone.
    bool post(std::function<void(QVirtConnection *)> task);
    // Like post(), but runs task at once when called in the owner's thread
    // (not under the mailbox's lock: task may post again).
    void deliver(std::function<void(QVirtConnection *)> task);
    // From the owner's destructor.
    void detach();

private:
    QVirtConnection *const m_owner;
    const std::shared_ptr<ThreadMailbox> m_box;
};

#endif // QTVIRT_CONNECTION_RESULTMAILBOX_H
