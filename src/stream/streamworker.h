// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_STREAMWORKER_H
#define QTVIRT_STREAM_STREAMWORKER_H

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

#include <libvirt/libvirt.h>

#include <functional>
#include <memory>

class QObject;
class ThreadMailbox;

// Makes the blocking calls of one stream's sending side away from the
// thread that owns the stream (docs/libvirt-streams.md, "Sizes and blocking
// calls"): a remote virStreamSend() or virStreamSendHole() returns only
// once its message is written, however slowly the transport takes it, and
// virStreamFinish() and virStreamAbort() are round trips to the daemon.
// Each call runs in a thread of its own that nobody joins
// (runInDetachedThread()), so a frozen daemon holds that thread only, and
// counts as BackgroundWork until it returns. The owner starts one call at a
// time; its result arrives in the owner's thread.
class StreamWorker
{
public:
    // Data, or a hole of that length when hole > 0.
    struct Piece
    {
        QByteArray data;
        qint64 hole = 0;
    };

    // What one send() achieved.
    struct Sent
    {
        qint64 data = 0; // bytes of data the stream took
        // From the first piece it did not take, when it returned -2: an
        // fd-backed stream (a local driver's) whose pipe is full.
        QList<Piece> unsent;
        // libvirt's message when a call failed; nothing after it was sent.
        QString failure;
        bool failedOnHole = false;
    };

    // stream: referenced for every call; owner: in whose thread the
    // results arrive.
    StreamWorker(QObject *owner, virStreamPtr stream);
    // A call still running ends in its thread; its result is dropped.
    ~StreamWorker();
    StreamWorker(const StreamWorker &) = delete;
    StreamWorker &operator=(const StreamWorker &) = delete;

    bool isBusy() const { return m_busy; }
    void send(QList<Piece> pieces, std::function<void(const Sent &)> done);
    // virStreamFinish(); done gets libvirt's message, empty on success.
    void finish(std::function<void(const QString &failure)> done);

    // virStreamAbort() in a thread of its own, then releases the reference
    // handed over with stream. Needs no StreamWorker: a stream's destructor
    // aborts this way.
    static void abortAndRelease(virStreamPtr stream);

private:
    // Runs call(stream) in a thread, then done(its result) in the owner's.
    template<typename Result>
    void run(std::function<Result(virStreamPtr)> call, std::function<void(const Result &)> done);

    const std::shared_ptr<ThreadMailbox> m_mailbox;
    virStreamPtr const m_stream;
    bool m_busy = false;
};

#endif // QTVIRT_STREAM_STREAMWORKER_H
