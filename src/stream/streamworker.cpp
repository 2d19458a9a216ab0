// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/streamworker.h"

#include "common/backgroundwork.h"
#include "common/detachedthread.h"
#include "common/logging.h"
#include "common/threadmailbox.h"
#include "stream/streamlimits.h"

#include <QtVirt/qvirtstream.h>

#include <libvirt/virterror.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

// The owner's queue of calls, shared with the worker's thread.
struct StreamWorker::Queue
{
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Job> jobs;
    // Set by the owner's destructor: the thread ends, and a send that waits
    // for room gives up.
    std::atomic<bool> closed{false};
};

namespace {

// How long a send waits before it offers again what a full fd-backed stream
// (a local driver's pipe) refused with -2; libvirt has no way to wait for
// room but its event loop, which this thread has not.
constexpr auto RetryInterval = std::chrono::milliseconds(2);

QString noThreadMessage()
{
    return QVirtStream::tr("Cannot start a thread to send the stream's data");
}

// libvirt's message for the call that just failed in this thread.
QString takeLibvirtError()
{
    QString message = QString::fromUtf8(virGetLastErrorMessage());
    virResetLastError();
    return message;
}

StreamWorker::Sent sendPieces(virStreamPtr stream, QList<StreamWorker::Piece> pieces,
                              const std::atomic<bool> &closed)
{
    StreamWorker::Sent sent;
    for (StreamWorker::Piece &piece : pieces) {
        if (piece.hole > 0) {
            if (virStreamSendHole(stream, piece.hole, 0) < 0) {
                sent.failure = takeLibvirtError();
                sent.failedOnHole = true;
                return sent;
            }
            continue;
        }
        qint64 offset = 0;
        while (offset < piece.data.size()) {
            if (closed)
                return sent;
            // One message at most per call (streamlimits.h).
            const qint64 chunk = std::min(piece.data.size() - offset, StreamMessagePayloadMax);
            const int rc = virStreamSend(stream, piece.data.constData() + offset, size_t(chunk));
            if (rc == -2) {
                std::this_thread::sleep_for(RetryInterval);
                continue;
            }
            if (rc < 0) {
                sent.failure = takeLibvirtError();
                return sent;
            }
            offset += rc;
            sent.data += rc;
        }
        sent.spent.append(std::move(piece.data));
    }
    return sent;
}

} // namespace

StreamWorker::StreamWorker(QObject *owner, virStreamPtr stream)
    : m_mailbox(ThreadMailbox::create(owner))
    , m_queue(std::make_shared<Queue>())
    , m_stream(stream)
{ }

StreamWorker::~StreamWorker()
{
    dropQueued();
    m_queue->closed = true;
    m_queue->wake.notify_all();
    m_mailbox->detach();
}

void StreamWorker::send(QList<Piece> pieces, std::function<void(Sent)> done)
{
    Sent noThread;
    noThread.failure = noThreadMessage();
    run<Sent>(
        [pieces = std::move(pieces), queue = m_queue](virStreamPtr stream) mutable {
            return sendPieces(stream, std::move(pieces), queue->closed);
        },
        std::move(done), std::move(noThread));
}

void StreamWorker::finish(std::function<void(QString failure)> done)
{
    run<QString>(
        [](virStreamPtr stream) {
            return virStreamFinish(stream) < 0 ? takeLibvirtError() : QString();
        },
        std::move(done), noThreadMessage());
}

void StreamWorker::dropQueued()
{
    const std::lock_guard locker(m_queue->mutex);
    m_pending -= int(m_queue->jobs.size());
    m_queue->jobs.clear();
}

template<typename Result>
void StreamWorker::run(std::function<Result(virStreamPtr)> call, std::function<void(Result)> done,
                       Result noThread)
{
    ++m_pending;
    // Delivered only while this worker is alive (its destructor detaches
    // the mailbox), so this is still valid where the result arrives.
    auto deliver = [this, done = std::move(done), mailbox = m_mailbox](Result result) {
        mailbox->post([this, done, result = std::move(result)]() mutable {
            --m_pending;
            done(std::move(result));
        });
    };
    if (!m_started && !startThread()) {
        deliver(std::move(noThread));
        return;
    }
    {
        const std::lock_guard locker(m_queue->mutex);
        m_queue->jobs.push_back([call = std::move(call), deliver = std::move(deliver)](
                                    virStreamPtr stream) { deliver(call(stream)); });
    }
    m_queue->wake.notify_one();
}

bool StreamWorker::startThread()
{
    virStreamRef(m_stream);
    BackgroundWork::begin();
    const bool started = runInDetachedThread(
        [queue = m_queue, stream = m_stream] {
            for (;;) {
                Job job;
                {
                    std::unique_lock locker(queue->mutex);
                    queue->wake.wait(locker,
                                     [&queue] { return queue->closed || !queue->jobs.empty(); });
                    if (queue->closed)
                        break;
                    job = std::move(queue->jobs.front());
                    queue->jobs.pop_front();
                }
                job(stream);
            }
            virStreamFree(stream);
            BackgroundWork::end();
        },
        lcQtVirtStream);
    if (!started) {
        virStreamFree(m_stream);
        BackgroundWork::end();
        return false;
    }
    m_started = true;
    return true;
}

void StreamWorker::abortAndRelease(virStreamPtr stream)
{
    BackgroundWork::begin();
    const auto work = [stream] {
        // Also on a dead connection, where it fails: only the abort takes a
        // remote stream off its client's list (remoteStreamAbort), and a
        // client closed with a stream still on it leaks the list.
        if (virStreamAbort(stream) < 0)
            qCDebug(lcQtVirtStream, "virStreamAbort: %s", virGetLastErrorMessage());
        virResetLastError();
        virStreamFree(stream);
        BackgroundWork::end();
    };
    if (!runInDetachedThread(work, lcQtVirtStream))
        work();
}
