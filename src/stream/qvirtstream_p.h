// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_QVIRTSTREAM_P_H
#define QTVIRT_STREAM_QVIRTSTREAM_P_H

#include <QtVirt/qvirtstream.h>

#include "stream/streambuffer.h"
#include "stream/streamworker.h"

#include <memory>

class QEventLoop;
class QTimer;

class QVirtStreamPrivate
{
public:
    enum class State {
        Unopened, // libvirt may already use it, but no callback yet
        Open,
        Finished, // virStreamFinish() succeeded
        Aborted,  // by abort(), close() or the destructor
        Failed,   // libvirt reported an error; the stream was aborted
        Closed,
    };

    // What one pass of receive() ended with.
    enum class Receive { WouldBlock, Full, EndOfStream, Failed };

    enum class Wait { Nothing, ReadyRead, BytesWritten };

    QVirtStreamPrivate(QVirtStream *owner, virStreamPtr adopted, virConnectPtr connection);
    ~QVirtStreamPrivate();

    // For QVirtStreamTransfer, which moves whole chunks in and out of the
    // buffers instead of copying them through read() and write().
    static QVirtStreamPrivate *get(QVirtStream *stream) { return stream->d.get(); }
    bool enqueue(QByteArray chunk);
    // Queues a slice of a regular file that the sending thread reads; when
    // that read fails, the stream fails with WriteError and
    // fileReadFailure says why.
    bool enqueue(FileSlice slice);
    QString fileReadFailure;

    static void eventCallback(virStreamPtr stream, int events, void *opaque);
    void handleEvents(int events);
    void dispatch(int events);

    Receive receive();
    bool flush();
    void handleSent(qint64 handedOver, StreamWorker::Sent sent);
    // virStreamFinish() in this thread: at the end of a received stream,
    // which the daemon has already ended.
    void completeFinish();
    // The same through the worker, after sending: the daemon confirms only
    // once it has taken everything sent before.
    void startFinish();
    void concludeFinish(const QString &failure);

    bool isActive() const { return state == State::Open; }
    // Whether the worker has calls on their way, during which nobody else
    // may call libvirt on the stream (streamworker.h).
    bool workerBusy() const { return worker && worker->pending() > 0; }
    bool readBufferFull() const;
    void updateEvents();
    void removeCallback();
    void abortStream();
    void checkConnection();

    void fail(QVirtStream::Error error, const QString &message);
    void refuse(const QString &message);
    void setError(QVirtStream::Error error, const QString &message);

    void emitReadyRead();
    void emitBytesWritten(qint64 bytes);
    void wake(Wait reason, bool result);
    bool waitFor(Wait what, int msecs);

    QVirtStream *const q;
    virStreamPtr const stream;
    // Null for an adopted stream: libvirt has no public way from a stream
    // to its connection.
    virConnectPtr const connection;
    QTimer *livenessTimer = nullptr;
    State state = State::Unopened;
    QVirtStream::Error error = QVirtStream::NoError;

    StreamBuffer readBuffer;
    StreamBuffer writeBuffer;
    // For a stream open for writing: sends, finishes (streamworker.h).
    std::unique_ptr<StreamWorker> worker;
    // Bytes of data handed to the worker whose batch has not come back.
    qint64 inFlight = 0;
    // The worker's virStreamFinish() runs.
    bool finishing = false;
    qint64 readBufferSize = qint64(1024) * 1024;
    bool sparse = false;
    bool endOfStream = false;
    bool finishRequested = false;

    bool callbackRegistered = false;
    int events = 0;
    // The stream's StreamBackpressure token, and whether it was told that
    // the read buffer is full.
    int backpressure = 0;
    bool stalled = false;

    // QIODevice promises that readyRead() and bytesWritten() do not recurse
    // when a slot runs a nested loop (waitForReadyRead() and the like).
    bool emittingReadyRead = false;
    bool emittingBytesWritten = false;
    // Set while libvirt's stream callback runs. libvirt reports a client
    // stream from a timer, and Qt never re-enters a timer, so a nested loop
    // started from inside it would wait for nothing.
    bool dispatching = false;

    QEventLoop *waitLoop = nullptr;
    Wait waitingFor = Wait::Nothing;
    bool waitResult = false;
};

#endif // QTVIRT_STREAM_QVIRTSTREAM_P_H
