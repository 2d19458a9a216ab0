// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_RESULTMAILBOX_H
#define QTVIRT_CONNECTION_RESULTMAILBOX_H

#include <QtCore/QMutex>

#include <functional>

class QVirtConnection;

// Lets worker threads hand work to the connection's thread without racing
// its destruction: posting and detach() share a mutex, so a post either
// reaches a live object's event queue (which Qt empties if the object dies
// later) or is refused.
class ResultMailbox
{
public:
    explicit ResultMailbox(QVirtConnection *owner);

    // Queues task to run in the owner's thread. False, and task is dropped
    // at once, when the owner is gone.
    bool post(std::function<void(QVirtConnection *)> task);

    // From the owner's destructor.
    void detach();

private:
    QMutex m_mutex;
    QVirtConnection *m_owner;
};

#endif // QTVIRT_CONNECTION_RESULTMAILBOX_H
