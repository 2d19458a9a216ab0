// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_STREAMFEEDS_H
#define QTVIRT_STREAM_STREAMFEEDS_H

#include <QtCore/QHash>
#include <QtCore/QSet>

#include <functional>

// Which connection socket feeds which remote stream, and which sockets to
// hold back because every stream they may feed has a full buffer. Loop
// thread only.
//
// libvirt's RPC client reads whatever arrives on a connection and queues a
// stream's messages until virStreamRecv() takes them, without bound
// (virNetClientStreamQueuePacket, src/rpc/virnetclientstream.c): a stream
// that stops asking for data does not stop the daemon. Only the event loop
// can stop the reads. A remote stream has a timer of its own
// (virNetClientStreamEventAddCallback), which the client arms from inside
// the socket's callback when it queues a message for the stream: that is
// how the socket is found.
//
// A socket is held back only when no stream that may depend on it still
// wants data: a stream whose socket is not known yet counts for every
// socket of its connection, and one of unknown connection for all. A
// socket whose streams were all adopted has no known connection: every
// stream whose socket is not known yet counts for it.
class StreamFeeds
{
public:
    // Holds back (true) or releases the reads of a handle.
    using HoldBack = std::function<void(int handle, bool held)>;
    explicit StreamFeeds(HoldBack holdBack);

    // Collects the first timeout added between these two calls.
    void beginCapture();
    int endCapture();
    void timeoutAdded(int timeout);

    void addStream(int timeout, const void *connection);
    void removeStream(int timeout);
    void setStalled(int timeout, bool stalled);
    // A timeout was armed to fire at once from inside the callback of
    // handle, on fd.
    void timeoutArmed(int timeout, int handle, int fd);

    const QSet<int> &heldFeeders() const { return m_held; }
    // Releases a socket for good: its peer is gone, and libvirt has to read
    // to the end to learn so.
    void forget(int feeder);

private:
    struct Stream
    {
        const void *connection = nullptr;
        int feeder = 0;
        bool stalled = false;
    };

    void reconsider(int feeder);
    void reconsiderAll();

    const HoldBack m_holdBack;
    QHash<int, Stream> m_streams;
    QSet<int> m_held;
    QSet<int> m_forgotten;
    bool m_capturing = false;
    int m_captured = 0;
};

#endif // QTVIRT_STREAM_STREAMFEEDS_H
