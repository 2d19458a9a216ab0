// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_STREAMWORKER_H
#define QTVIRT_STREAM_STREAMWORKER_H

#include "stream/streambuffer.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

#include <libvirt/libvirt.h>

#include <functional>
#include <memory>

class QObject;
class ThreadMailbox;

// Makes the blocking calls of one stream's sending side away from the
// thread that owns the stream (docs/libvirt-streams.md, "Who makes the
// blocking calls"): a remote virStreamSend() or virStreamSendHole() returns
// only once its message is written, however slowly the transport takes it,
// and virStreamFinish() and virStreamAbort() are round trips to the daemon.
//
// The calls run one after the other, in the order queued, in a thread that
// nobody joins (runInDetachedThread()): it lives while there is work, so a
// frozen daemon holds that thread only, and counts as BackgroundWork
// meanwhile. The owner may queue the next batch while one is being sent, so
// the transport does not idle between them; each result arrives in the
// owner's thread. While calls are queued or running, no other thread may
// call libvirt on the stream: an abort from elsewhere frees what they use.
class StreamWorker
{
public:
    using Piece = StreamBuffer::Piece;

    // What one send() achieved.
    struct Sent
    {
        qint64 data = 0; // bytes of data the stream took
        // The buffers of the data sent, for the owner to fill again:
        // allocating a fresh one per message makes glibc grow and trim its
        // heap around each (see StreamBuffer::takeSpare()).
        QList<QByteArray> spent;
        // libvirt's message when a call failed, or why a file slice could
        // not be read (failedOnRead); nothing after it is sent.
        QString failure;
        bool failedOnHole = false;
        bool failedOnRead = false;
    };

    // stream: referenced while a thread works for it; owner: in whose
    // thread the results arrive.
    StreamWorker(QObject *owner, virStreamPtr stream);
    // Results that have not arrived are dropped; queued calls still run.
    ~StreamWorker();
    StreamWorker(const StreamWorker &) = delete;
    StreamWorker &operator=(const StreamWorker &) = delete;

    // Calls queued whose result has not arrived: while there are any, only
    // this worker may call libvirt on the stream.
    int pending() const { return m_pending; }
    void send(QList<Piece> pieces, std::function<void(Sent)> done);
    // virStreamFinish(), after everything queued before; done gets
    // libvirt's message, empty on success.
    void finish(std::function<void(QString failure)> done);
    // Drops the calls that have not started and queues abortNow() after
    // the one on its way, which stops sending early. No result.
    void abort();
    // virStreamAbort() in the calling thread, a round trip, its failure
    // only logged: what abort() queues, and what a stream whose worker has
    // nothing on its way calls itself.
    static void abortNow(virStreamPtr stream);

private:
    struct Queue;
    using Job = std::function<void(virStreamPtr)>;
    // Queues call(stream), then done(its result) in the owner's thread.
    template<typename Result>
    void run(std::function<Result(virStreamPtr)> call, std::function<void(Result)> done);
    void enqueue(Job job);
    void startThread();

    const std::shared_ptr<ThreadMailbox> m_mailbox;
    const std::shared_ptr<Queue> m_queue;
    virStreamPtr const m_stream;
    int m_pending = 0;
};

#endif // QTVIRT_STREAM_STREAMWORKER_H
