// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/streamworker.h"

#include "common/backgroundwork.h"
#include "common/detachedthread.h"
#include "common/libvirtmessage.h"
#include "common/logging.h"
#include "common/threadmailbox.h"
#include "stream/streamlimits.h"

#include <QtVirt/qvirtstream.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

#include <unistd.h>

// The calls queued for the stream, shared with the thread that makes them.
struct StreamWorker::Queue
{
    std::mutex mutex;
    std::deque<Job> jobs;
    bool running = false; // a thread works through jobs
    // An abort is queued: a send stops before its next call.
    std::atomic<bool> aborting{false};
    // A send failed: later sends and the finish are not made, so that
    // libvirt never finishes an upload with a gap.
    std::atomic<bool> failed{false};
    // Where file slices are read, one message at a time; only the thread
    // that works through the jobs touches it.
    QByteArray readBuffer;
};

namespace {

// How long a send waits before it offers again what a full fd-backed stream
// (a local driver's pipe) refused with -2; libvirt has no way to wait for
// room but its event loop, which this thread has not.
constexpr auto RetryInterval = std::chrono::milliseconds(2);

// Sends size bytes in one message at most (streamlimits.h), as often as
// a full fd-backed stream refuses them; false when libvirt failed.
bool sendMessage(virStreamPtr stream, const char *data, qint64 size, std::atomic<bool> &aborting,
                 StreamWorker::Sent &sent)
{
    qint64 offset = 0;
    while (offset < size) {
        if (aborting)
            return true;
        const int rc = virStreamSend(stream, data + offset, size_t(size - offset));
        if (rc == -2) {
            std::this_thread::sleep_for(RetryInterval);
            continue;
        }
        if (rc < 0) {
            sent.failure = takeLibvirtMessage();
            return false;
        }
        offset += rc;
        sent.data += rc;
    }
    return true;
}

// Reads a file slice message by message into buffer and sends it: read
// and copied by the same thread, while the data is in its cache.
bool sendFileSlice(virStreamPtr stream, const FileSlice &slice, QByteArray &buffer,
                   std::atomic<bool> &aborting, StreamWorker::Sent &sent)
{
    buffer.resize(qsizetype(std::min(slice.length, StreamMessagePayloadMax)));
    qint64 done = 0;
    while (done < slice.length && !aborting) {
        const qint64 want = std::min(slice.length - done, StreamMessagePayloadMax);
        const ssize_t got
            = ::pread(slice.file->get(), buffer.data(), size_t(want), off_t(slice.offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            sent.failure = got < 0 ? qt_error_string(errno)
                                   : QVirtStream::tr("the file became shorter during the upload");
            sent.failedOnRead = true;
            return false;
        }
        if (!sendMessage(stream, buffer.constData(), got, aborting, sent))
            return false;
        done += got;
    }
    return true;
}

StreamWorker::Sent sendPieces(virStreamPtr stream, QList<StreamWorker::Piece> pieces,
                              QByteArray &readBuffer, std::atomic<bool> &aborting,
                              std::atomic<bool> &failed)
{
    StreamWorker::Sent sent;
    for (StreamWorker::Piece &piece : pieces) {
        if (aborting || failed)
            return sent;
        if (piece.hole > 0) {
            if (virStreamSendHole(stream, piece.hole, 0) < 0) {
                sent.failure = takeLibvirtMessage();
                sent.failedOnHole = true;
                failed = true;
                return sent;
            }
            continue;
        }
        if (piece.slice.length > 0) {
            if (!sendFileSlice(stream, piece.slice, readBuffer, aborting, sent)) {
                failed = true;
                return sent;
            }
            continue;
        }
        for (qint64 offset = 0; offset < piece.data.size() && !aborting;) {
            const qint64 size = std::min(piece.data.size() - offset, StreamMessagePayloadMax);
            if (!sendMessage(stream, piece.data.constData() + offset, size, aborting, sent)) {
                failed = true;
                return sent;
            }
            offset += size;
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
    m_mailbox->detach();
}

void StreamWorker::send(QList<Piece> pieces, std::function<void(Sent)> done)
{
    run<Sent>(
        [pieces = std::move(pieces), queue = m_queue](virStreamPtr stream) mutable {
            return sendPieces(stream, std::move(pieces), queue->readBuffer, queue->aborting,
                              queue->failed);
        },
        std::move(done));
}

void StreamWorker::finish(std::function<void(QString failure)> done)
{
    run<QString>(
        [queue = m_queue](virStreamPtr stream) {
            // The failed send's result comes first and ends the stream; this
            // one only must not report success.
            if (queue->failed)
                return QVirtStream::tr("An earlier write to the stream failed");
            return virStreamFinish(stream) < 0 ? takeLibvirtMessage() : QString();
        },
        std::move(done));
}

void StreamWorker::abortNow(virStreamPtr stream)
{
    // Also on a dead connection, where it fails: only the abort takes a
    // remote stream off its client's list (remoteStreamAbort), and a client
    // closed with a stream still on it leaks the list.
    if (virStreamAbort(stream) < 0)
        qCDebug(lcQtVirtStream, "virStreamAbort: %s", qUtf8Printable(takeLibvirtMessage()));
}

void StreamWorker::abort()
{
    {
        const std::lock_guard locker(m_queue->mutex);
        m_pending -= int(m_queue->jobs.size());
        m_queue->jobs.clear();
    }
    m_queue->aborting = true;
    enqueue(abortNow);
}

template<typename Result>
void StreamWorker::run(std::function<Result(virStreamPtr)> call, std::function<void(Result)> done)
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
    enqueue([call = std::move(call), deliver = std::move(deliver)](virStreamPtr stream) {
        deliver(call(stream));
    });
}

void StreamWorker::enqueue(Job job)
{
    bool start = false;
    {
        const std::lock_guard locker(m_queue->mutex);
        m_queue->jobs.push_back(std::move(job));
        start = !std::exchange(m_queue->running, true);
    }
    if (start)
        startThread();
}

void StreamWorker::startThread()
{
    virStreamRef(m_stream);
    BackgroundWork::begin();
    const auto drain = [queue = m_queue, stream = m_stream] {
        for (;;) {
            Job job;
            {
                const std::lock_guard locker(queue->mutex);
                if (queue->jobs.empty()) {
                    queue->running = false;
                    break;
                }
                job = std::move(queue->jobs.front());
                queue->jobs.pop_front();
            }
            job(stream);
        }
        virStreamFree(stream);
        BackgroundWork::end();
    };
    // Late rather than never: without a thread the calls block this one.
    if (!runInDetachedThread(drain, lcQtVirtStream))
        drain();
}
