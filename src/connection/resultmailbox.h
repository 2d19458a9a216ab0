// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_RESULTMAILBOX_H
#define QTVIRT_CONNECTION_RESULTMAILBOX_H

#include <QtCore/QObject>

#include <functional>
#include <mutex>

class QVirtConnection;

// Lets worker threads hand work to the connection's thread without racing
// its destruction: posting and detach() share a mutex, so a post either
// reaches a live receiver's event queue (which Qt empties if the receiver
// dies later) or is refused.
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
    // Runs the posted tasks; a child of the owner, so it dies with it.
    class Receiver : public QObject
    {
    public:
        using QObject::QObject;

    protected:
        bool event(QEvent *event) override;
    };

    std::mutex m_mutex;
    QVirtConnection *m_owner;
    Receiver *m_receiver;
};

#endif // QTVIRT_CONNECTION_RESULTMAILBOX_H
