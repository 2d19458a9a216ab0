// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QtVirt/qvirtstream.h>

#include "common/libvirtmessage.h"
#include "common/logging.h"
#include "eventloop/loophooks.h"
#include "stream/qvirtstream_p.h"
#include "stream/streambackpressure.h"
#include "stream/streamlimits.h"

#include <QtVirt/qtvirteventimpl.h>

#include <QtCore/QEventLoop>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <algorithm>
#include <atomic>
#include <climits>
#include <utility>

namespace {

// What one batch of the worker sends (streamworker.h): a few messages, so
// that bytesWritten() comes often and an upload's window refills early.
constexpr qint64 SendBudgetPerBatch = qint64(1024) * 1024;
// Queued with the worker at most: the next batch waits there while one is
// sent, so that the transport never waits for this thread.
constexpr qint64 MaxInFlight = 2 * SendBudgetPerBatch;

// virStreamRecv() only copies what libvirt already queued, so a pass may
// take more; the cap keeps one stream from starving the loop all the same.
constexpr qint64 ReceiveBudgetPerEvent = qint64(4) * 1024 * 1024;

// When libvirtd goes away, a remote stream learns nothing: its data arrives
// through the connection's socket, but no code path in libvirt 9.0 marks
// the stream closed (src/rpc/virnetclient.c), so a reader would wait
// forever. The connection itself notices at once; looking at it this often
// reports the loss well within two seconds at the cost of two cheap,
// local checks a second.
constexpr int LivenessIntervalMs = 500;

// Without QtVirtEventImpl, libvirt has no loop to report stream events on,
// and a program that does not check open()'s result sees a stream that
// never delivers anything. Once per process is enough to point at the fix.
void warnIfUnregistered()
{
    static std::atomic<bool> warned{false};
    LoopHooks::warnIfNoEventImpl(lcQtVirtStream, warned, "QVirtStream used",
                                 "no stream event can be reported and no stream can be opened");
}

} // namespace

QVirtStreamPrivate::QVirtStreamPrivate(QVirtStream *owner, virStreamPtr adopted, virConnectPtr conn)
    : q(owner)
    , stream(adopted)
    , connection(conn && virConnectRef(conn) == 0 ? conn : nullptr)
{ }

QVirtStreamPrivate::~QVirtStreamPrivate()
{
    if (connection)
        virConnectClose(connection);
}

bool QVirtStreamPrivate::enqueue(QByteArray chunk)
{
    if (!isActive() || finishRequested) {
        refuse(finishRequested || state == State::Finished
                   ? QVirtStream::tr("Cannot write: finish() was called on the stream")
                   : QVirtStream::tr("Cannot write: the stream has ended"));
        return false;
    }
    if (!chunk.isEmpty()) {
        writeBuffer.append(std::move(chunk));
        updateEvents();
    }
    return true;
}

bool QVirtStreamPrivate::enqueue(FileSlice slice)
{
    if (!enqueue(QByteArray()))
        return false;
    writeBuffer.appendFileSlice(std::move(slice));
    updateEvents();
    return true;
}

void QVirtStreamPrivate::eventCallback(virStreamPtr, int events, void *opaque)
{
    static_cast<QVirtStreamPrivate *>(opaque)->handleEvents(events);
}

void QVirtStreamPrivate::handleEvents(int raised)
{
    // Any slot may delete the stream; libvirt tolerates the callback being
    // removed from inside itself (src/rpc/virnetclientstream.c).
    const QPointer<QVirtStream> guard(q);
    dispatching = true;
    dispatch(raised);
    if (guard) {
        dispatching = false;
        updateEvents();
    }
}

void QVirtStreamPrivate::dispatch(int raised)
{
    const QPointer<QVirtStream> guard(q);
    if (isActive() && (raised & VIR_STREAM_EVENT_WRITABLE) && !flush())
        return;

    // Once the worker finishes the stream (flush() may just have queued
    // it), only the worker calls libvirt on it, and the finish's result
    // reports how it ended.
    if (finishing)
        return;
    // An fd-backed stream (a local driver's fdstream) reports the end of a
    // pipe as HANGUP, possibly without READABLE: read first, so that a
    // normal end of stream is not taken for a broken one.
    const bool trouble = raised & (VIR_STREAM_EVENT_ERROR | VIR_STREAM_EVENT_HANGUP);
    const bool reading = isActive() && (q->openMode() & QIODevice::ReadOnly) && !endOfStream;
    Receive outcome = Receive::WouldBlock;
    if (reading && ((raised & VIR_STREAM_EVENT_READABLE) || trouble) && !readBufferFull()) {
        outcome = receive();
        if (!guard)
            return;
    }
    // With the buffer full, the data comes first: the condition is
    // reported again once the application has read.
    if (trouble && isActive() && !finishing
        && !(reading && (outcome == Receive::Full || readBufferFull()))) {
        fail(QVirtStream::ConnectionError,
             QVirtStream::tr("libvirt reported %1 on the stream")
                 .arg((raised & VIR_STREAM_EVENT_ERROR) ? QVirtStream::tr("an error")
                                                        : QVirtStream::tr("a hangup")));
    }
}

QVirtStreamPrivate::Receive QVirtStreamPrivate::receive()
{
    const QPointer<QVirtStream> guard(q);
    qint64 received = 0;
    bool arrived = false;
    Receive outcome = Receive::Full;
    while (received < ReceiveBudgetPerEvent) {
        qint64 room = StreamMessagePayloadMax;
        if (readBufferSize > 0)
            room = std::min(room, readBufferSize - readBuffer.dataSize());
        if (room <= 0)
            break;
        QByteArray chunk = readBuffer.takeSpare(room);
        const int got = sparse
            ? virStreamRecvFlags(stream, chunk.data(), size_t(room), VIR_STREAM_RECV_STOP_AT_HOLE)
            : virStreamRecv(stream, chunk.data(), size_t(room));
        if (got > 0) {
            readBuffer.appendFilled(std::move(chunk), got);
            received += got;
            arrived = true;
            continue;
        }
        readBuffer.recycle(std::move(chunk));
        if (got == 0) {
            endOfStream = true;
            outcome = Receive::EndOfStream;
            break;
        }
        if (got == -2) {
            outcome = Receive::WouldBlock;
            break;
        }
        if (got == -3) {
            long long length = 0;
            if (virStreamRecvHole(stream, &length, 0) < 0) {
                fail(QVirtStream::ReadError,
                     QVirtStream::tr("Cannot receive a hole from the stream: %1")
                         .arg(takeLibvirtMessage()));
                return Receive::Failed;
            }
            readBuffer.appendHole(length);
            arrived = true;
            continue;
        }
        fail(QVirtStream::ReadError,
             QVirtStream::tr("Cannot read from the stream: %1").arg(takeLibvirtMessage()));
        return Receive::Failed;
    }

    // Stop asking for data before the application sees it, so that a slot
    // that does not read leaves the buffer at its cap.
    updateEvents();
    if (arrived) {
        emitReadyRead();
        if (!guard)
            return Receive::Failed;
    }
    if (outcome == Receive::EndOfStream && isActive() && !finishing) {
        // With the worker's calls on their way, only it may finish.
        if (workerBusy()) {
            startFinish();
            return outcome;
        }
        // libvirt: at the end of a stream, virStreamFinish() confirms that
        // the transfer succeeded or reports why not (src/libvirt-stream.c).
        // Bytes still waiting to be sent (a readyRead() slot may just have
        // answered the last data) are reported there, not dropped silently.
        completeFinish();
    }
    return outcome;
}

bool QVirtStreamPrivate::flush()
{
    if (!worker || finishing)
        return isActive();
    while (!writeBuffer.isEmpty() && inFlight < MaxInFlight) {
        QList<StreamBuffer::Piece> batch = writeBuffer.takeBatch(SendBudgetPerBatch);
        qint64 data = 0;
        for (const StreamBuffer::Piece &piece : batch)
            data += piece.dataSize();
        inFlight += data;
        worker->send(std::move(batch),
                     [this, data](StreamWorker::Sent sent) { handleSent(data, std::move(sent)); });
    }
    // WRITABLE only while there is room with the worker: asking for it arms
    // libvirt's 0 ms timer (src/rpc/virnetclientstream.c).
    const QPointer<QVirtStream> guard(q);
    updateEvents();
    if (!guard)
        return false;
    // Queued behind the last batch.
    if (writeBuffer.isEmpty() && finishRequested && isActive())
        startFinish();
    return isActive();
}

void QVirtStreamPrivate::handleSent(qint64 handedOver, StreamWorker::Sent sent)
{
    for (QByteArray &chunk : sent.spent)
        writeBuffer.recycle(std::move(chunk));
    // Aborted, closed, failed or finished meanwhile: what was sent no longer
    // counts, and nothing is in flight any more.
    if (!isActive())
        return;
    inFlight -= handedOver;
    if (sent.failedOnRead) {
        fileReadFailure = sent.failure;
        fail(QVirtStream::WriteError,
             QVirtStream::tr("Cannot read the file to send: %1").arg(sent.failure));
        return;
    }
    if (!sent.failure.isEmpty()) {
        fail(QVirtStream::WriteError,
             (sent.failedOnHole ? QVirtStream::tr("Cannot send a hole to the stream: %1")
                                : QVirtStream::tr("Cannot write to the stream: %1"))
                 .arg(sent.failure));
        return;
    }
    const QPointer<QVirtStream> guard(q);
    if (sent.data > 0) {
        emitBytesWritten(sent.data);
        if (!guard || !isActive())
            return;
    } else {
        // Holes only: no bytesWritten(), but a waitForBytesWritten() ends.
        wake(Wait::BytesWritten, true);
    }
    // What a bytesWritten() slot queued leaves at once.
    flush();
}

void QVirtStreamPrivate::completeFinish()
{
    // virStreamFinish() is a round trip to the daemon; it works from inside
    // the stream callback once that callback is removed
    // (docs/libvirt-streams.md).
    removeCallback();
    if (livenessTimer)
        livenessTimer->stop();
    concludeFinish(virStreamFinish(stream) >= 0 ? QString() : takeLibvirtMessage());
}

void QVirtStreamPrivate::startFinish()
{
    if (finishing)
        return;
    finishing = true;
    removeCallback();
    if (livenessTimer)
        livenessTimer->stop();
    worker->finish([this](const QString &failure) {
        finishing = false;
        // Aborted or closed meanwhile: that is the stream's end instead.
        if (isActive())
            concludeFinish(failure);
    });
}

void QVirtStreamPrivate::concludeFinish(const QString &failure)
{
    const QPointer<QVirtStream> guard(q);
    const bool finishedCleanly = failure.isEmpty();
    state = finishedCleanly ? State::Finished : State::Failed;
    endOfStream = endOfStream || finishedCleanly;
    wake(waitingFor, false);
    // The other end finished first, or the stream failed: what libvirt
    // never took is lost either way, and the application must hear of it
    // rather than find out from the far side (or from a bytesToWrite()
    // that never drains).
    if (const qint64 unsent = writeBuffer.dataSize() + inFlight; unsent > 0) {
        writeBuffer.clear();
        inFlight = 0;
        setError(QVirtStream::WriteError,
                 QVirtStream::tr("The stream ended before %n byte(s) could be sent", nullptr,
                                 int(std::min<qint64>(unsent, INT_MAX))));
        if (!guard)
            return;
    }
    if (!finishedCleanly) {
        setError(QVirtStream::FinishError,
                 QVirtStream::tr("The stream did not finish cleanly: %1").arg(failure));
        return;
    }
    if (q->openMode() & QIODevice::ReadOnly) {
        Q_EMIT q->readChannelFinished();
        if (!guard)
            return;
    }
    Q_EMIT q->finished();
}

bool QVirtStreamPrivate::readBufferFull() const
{
    return readBufferSize > 0 && readBuffer.dataSize() >= readBufferSize;
}

void QVirtStreamPrivate::updateEvents()
{
    if (!callbackRegistered)
        return;
    const bool reading = (q->openMode() & QIODevice::ReadOnly) && !endOfStream;
    const bool full = reading && readBufferFull();
    // A full buffer also holds the connection back, or libvirt would go on
    // queueing the stream's data without bound.
    if (full != stalled) {
        stalled = full;
        StreamBackpressure::setStalled(backpressure, full);
    }
    int wanted = 0;
    if (reading && !full)
        wanted |= VIR_STREAM_EVENT_READABLE;
    if (!writeBuffer.isEmpty() && inFlight < MaxInFlight && !finishing)
        wanted |= VIR_STREAM_EVENT_WRITABLE;
    if (wanted == events)
        return;
    if (virStreamEventUpdateCallback(stream, wanted) < 0) {
        fail(QVirtStream::ConnectionError,
             QVirtStream::tr("Cannot watch the stream: %1").arg(takeLibvirtMessage()));
        return;
    }
    events = wanted;
}

void QVirtStreamPrivate::removeCallback()
{
    if (!callbackRegistered)
        return;
    callbackRegistered = false;
    events = 0;
    StreamBackpressure::unwatchStream(std::exchange(backpressure, 0));
    stalled = false;
    if (virStreamEventRemoveCallback(stream) < 0) {
        qCDebug(lcQtVirtStream, "virStreamEventRemoveCallback: %s",
                qUtf8Printable(takeLibvirtMessage()));
    }
}

void QVirtStreamPrivate::abortStream()
{
    removeCallback();
    if (livenessTimer)
        livenessTimer->stop();
    // With the worker's calls on their way, it aborts after the current one,
    // and this thread does not wait: libvirt's abort frees what a send or
    // finish still uses, and a frozen daemon holds that call. Otherwise the
    // abort is made here, a round trip, as libvirt's own clients make it:
    // run in a thread of its own it could still be running at exit, inside
    // libvirt's teardown of a local stream (a thread join).
    if (workerBusy()) {
        worker->abort();
    } else {
        StreamWorker::abortNow(stream);
    }
    writeBuffer.clear();
    inFlight = 0;
}

void QVirtStreamPrivate::checkConnection()
{
    if (stalled)
        StreamBackpressure::releaseHungUpConnections();
    if (isActive() && virConnectIsAlive(connection) != 1)
        fail(QVirtStream::ConnectionError,
             QVirtStream::tr("The connection to libvirt was lost during the transfer"));
}

void QVirtStreamPrivate::fail(QVirtStream::Error failure, const QString &message)
{
    qCDebug(lcQtVirtStream) << "stream failed:" << message;
    abortStream();
    state = State::Failed;
    wake(waitingFor, false);
    setError(failure, message);
}

void QVirtStreamPrivate::refuse(const QString &message)
{
    qCDebug(lcQtVirtStream) << "refused:" << message;
    setError(QVirtStream::OperationError, message);
}

void QVirtStreamPrivate::setError(QVirtStream::Error failure, const QString &message)
{
    error = failure;
    q->setErrorString(message);
    Q_EMIT q->errorOccurred(failure);
}

void QVirtStreamPrivate::emitReadyRead()
{
    wake(Wait::ReadyRead, true);
    if (emittingReadyRead)
        return;
    const QPointer<QVirtStream> guard(q);
    emittingReadyRead = true;
    Q_EMIT q->readyRead();
    if (guard)
        emittingReadyRead = false;
}

void QVirtStreamPrivate::emitBytesWritten(qint64 bytes)
{
    wake(Wait::BytesWritten, true);
    if (emittingBytesWritten)
        return;
    const QPointer<QVirtStream> guard(q);
    emittingBytesWritten = true;
    Q_EMIT q->bytesWritten(bytes);
    if (guard)
        emittingBytesWritten = false;
}

void QVirtStreamPrivate::wake(Wait reason, bool result)
{
    if (!waitLoop || reason != waitingFor)
        return;
    waitResult = result;
    waitLoop->quit();
}

bool QVirtStreamPrivate::waitFor(Wait what, int msecs)
{
    if (dispatching || waitLoop)
        return false;
    const QPointer<QVirtStream> guard(q);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    timeout.setTimerType(Qt::PreciseTimer);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (msecs >= 0)
        timeout.start(msecs);
    waitLoop = &loop;
    waitingFor = what;
    waitResult = false;
    loop.exec();
    if (!guard)
        return false;
    waitLoop = nullptr;
    waitingFor = Wait::Nothing;
    return waitResult;
}

QVirtStream::QVirtStream(virConnectPtr conn, QObject *parent)
    : QIODevice(parent)
    , d(std::make_unique<QVirtStreamPrivate>(this, virStreamNew(conn, VIR_STREAM_NONBLOCK), conn))
{
    warnIfUnregistered();
    if (!d->stream) {
        d->state = QVirtStreamPrivate::State::Failed;
        d->error = OpenError;
        setErrorString(tr("Cannot create a stream: %1").arg(takeLibvirtMessage()));
    }
}

QVirtStream::QVirtStream(virStreamPtr stream, QObject *parent)
    : QIODevice(parent)
    , d(std::make_unique<QVirtStreamPrivate>(
          this, stream && virStreamRef(stream) == 0 ? stream : nullptr, nullptr))
{
    warnIfUnregistered();
    if (!d->stream) {
        d->state = QVirtStreamPrivate::State::Failed;
        d->error = OpenError;
        setErrorString(tr("No valid stream to adopt"));
    }
}

QVirtStream::~QVirtStream()
{
    // A slot may delete the stream from inside waitForReadyRead().
    if (d->waitLoop)
        d->waitLoop->quit();
    if (!d->stream)
        return;
    using State = QVirtStreamPrivate::State;
    if (d->state == State::Open || d->state == State::Unopened) {
        // libvirt: a stream must be finished or aborted before it is freed
        // (virStreamFree, src/libvirt-stream.c). One never handed to an API
        // makes the abort fail, which changes nothing.
        d->abortStream();
    }
    virStreamFree(d->stream);
}

virStreamPtr QVirtStream::stream() const
{
    return d->stream;
}

bool QVirtStream::open(OpenMode mode)
{
    if (!d->stream) {
        d->setError(OpenError, errorString());
        return false;
    }
    if (d->state != QVirtStreamPrivate::State::Unopened) {
        d->refuse(tr("A stream can be opened only once"));
        return false;
    }
    if (!(mode & ReadWrite)) {
        d->refuse(tr("Open the stream for reading, writing or both"));
        return false;
    }
    if (!QtVirtEventImpl::isRegistered()) {
        warnIfUnregistered();
        d->setError(OpenError,
                    tr("The stream needs QtVirtEventImpl::registerImpl() before the first "
                       "connection is opened"));
        return false;
    }
    const int wanted = (mode & ReadOnly) ? VIR_STREAM_EVENT_READABLE : 0;
    int added = -1;
    const int backpressure = StreamBackpressure::watchStream(d->connection, [&] {
        added = virStreamEventAddCallback(d->stream, wanted, &QVirtStreamPrivate::eventCallback,
                                          d.get(), nullptr);
    });
    if (added < 0) {
        StreamBackpressure::unwatchStream(backpressure);
        // A stream not handed to any API yet has no driver, so libvirt
        // refuses the callback as unsupported (src/libvirt-stream.c).
        d->setError(OpenError,
                    tr("Cannot watch the stream (was it handed to a libvirt API such as "
                       "virStorageVolDownload() first?): %1")
                        .arg(takeLibvirtMessage()));
        return false;
    }
    d->callbackRegistered = true;
    d->backpressure = backpressure;
    if (mode & WriteOnly)
        d->worker = std::make_unique<StreamWorker>(this, d->stream);
    d->events = wanted;
    d->state = QVirtStreamPrivate::State::Open;
    if (d->connection) {
        d->livenessTimer = new QTimer(this);
        d->livenessTimer->setInterval(LivenessIntervalMs);
        connect(d->livenessTimer, &QTimer::timeout, this, [this] { d->checkConnection(); });
        d->livenessTimer->start();
    }
    // As QAbstractSocket's after a connect, an earlier failed open() is
    // history; QIODevice::open() clears errorString() to match.
    d->error = NoError;
    // Unbuffered: the stream keeps its own buffer, which the read cap limits.
    return QIODevice::open(mode | Unbuffered);
}

void QVirtStream::close()
{
    if (!isOpen())
        return;
    if (d->state == QVirtStreamPrivate::State::Open)
        d->abortStream();
    d->state = QVirtStreamPrivate::State::Closed;
    d->wake(d->waitingFor, false);
    QIODevice::close();
    d->readBuffer.clear();
    d->writeBuffer.clear();
}

bool QVirtStream::isSequential() const
{
    return true;
}

bool QVirtStream::atEnd() const
{
    if (!isOpen() || !(openMode() & ReadOnly))
        return true;
    if (!d->readBuffer.isEmpty() || QIODevice::bytesAvailable() > 0)
        return false;
    return d->endOfStream || !d->isActive();
}

qint64 QVirtStream::bytesAvailable() const
{
    return d->readBuffer.readableSize() + QIODevice::bytesAvailable();
}

qint64 QVirtStream::bytesToWrite() const
{
    return d->writeBuffer.dataSize() + d->inFlight;
}

bool QVirtStream::canReadLine() const
{
    return d->readBuffer.containsBeforeHole('\n') || QIODevice::canReadLine();
}

bool QVirtStream::waitForReadyRead(int msecs)
{
    if (!d->isActive() || !(openMode() & ReadOnly) || d->endOfStream || d->readBufferFull())
        return false;
    return d->waitFor(QVirtStreamPrivate::Wait::ReadyRead, msecs);
}

bool QVirtStream::waitForBytesWritten(int msecs)
{
    if (!d->isActive() || (d->writeBuffer.isEmpty() && !d->workerBusy()))
        return false;
    return d->waitFor(QVirtStreamPrivate::Wait::BytesWritten, msecs);
}

qint64 QVirtStream::readBufferSize() const
{
    return d->readBufferSize;
}

void QVirtStream::setReadBufferSize(qint64 size)
{
    // Taken as 0, a negative size would lift the cap altogether: the one
    // reading of a slip that cannot be what the caller meant.
    if (size < 0) {
        qCWarning(lcQtVirtStream,
                  "QVirtStream::setReadBufferSize: refusing the negative size %lld; the cap stays "
                  "at %lld bytes (0 means no cap)",
                  static_cast<long long>(size), static_cast<long long>(d->readBufferSize));
        return;
    }
    d->readBufferSize = size;
    d->updateEvents();
}

bool QVirtStream::isSparse() const
{
    return d->sparse;
}

void QVirtStream::setSparse(bool sparse)
{
    d->sparse = sparse;
}

qint64 QVirtStream::holeSize() const
{
    return d->readBuffer.frontHole();
}

qint64 QVirtStream::skipHole()
{
    const qint64 length = d->readBuffer.takeFrontHole();
    d->updateEvents();
    return length;
}

bool QVirtStream::writeHole(qint64 length)
{
    if (!(openMode() & WriteOnly)) {
        d->refuse(tr("Cannot write a hole: the stream is not open for writing"));
        return false;
    }
    if (!d->isActive() || d->finishRequested) {
        d->refuse(tr("Cannot write a hole: the stream is finishing or has ended"));
        return false;
    }
    if (length <= 0) {
        d->refuse(tr("Cannot write a hole of %1 bytes").arg(length));
        return false;
    }
    d->writeBuffer.appendHole(length);
    d->updateEvents();
    return true;
}

QVirtStream::Error QVirtStream::error() const
{
    return d->error;
}

bool QVirtStream::isFinished() const
{
    return d->state == QVirtStreamPrivate::State::Finished;
}

bool QVirtStream::finish()
{
    using State = QVirtStreamPrivate::State;
    if (d->state == State::Finished || (d->isActive() && d->finishRequested))
        return true;
    if (!d->isActive()) {
        d->refuse(d->state == State::Unopened ? tr("Cannot finish: the stream is not open")
                                              : tr("Cannot finish: the stream has ended"));
        return false;
    }
    d->finishRequested = true;
    if (!d->worker) {
        // Open for reading only: nothing to send first.
        d->completeFinish();
        return d->state == State::Finished;
    }
    // Sends the rest first; the worker's virStreamFinish() ends with
    // finished() or errorOccurred().
    d->flush();
    return true;
}

void QVirtStream::abort()
{
    using State = QVirtStreamPrivate::State;
    if (d->state != State::Open && d->state != State::Unopened)
        return;
    d->abortStream();
    d->state = State::Aborted;
    d->wake(d->waitingFor, false);
}

qint64 QVirtStream::readData(char *data, qint64 maxSize)
{
    const qint64 done = d->readBuffer.read(data, maxSize);
    if (done > 0) {
        d->updateEvents();
        return done;
    }
    if (d->readBuffer.isEmpty() && (d->endOfStream || !d->isActive()))
        return -1;
    return 0;
}

qint64 QVirtStream::writeData(const char *data, qint64 size)
{
    if (!d->enqueue(QByteArray()))
        return -1;
    d->writeBuffer.append(data, size);
    d->updateEvents();
    return size;
}
