// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/streamworker.h"

#include "common/backgroundwork.h"
#include "common/detachedthread.h"
#include "common/logging.h"
#include "common/threadmailbox.h"
#include "stream/streamlimits.h"

#include <QtCore/QCoreApplication>

#include <libvirt/virterror.h>

#include <algorithm>
#include <utility>

namespace {

// libvirt's message for the call that just failed in this thread.
QString takeLibvirtError()
{
    const QString message = QString::fromUtf8(virGetLastErrorMessage());
    virResetLastError();
    return message;
}

StreamWorker::Sent sendPieces(virStreamPtr stream, QList<StreamWorker::Piece> &pieces)
{
    StreamWorker::Sent sent;
    for (qsizetype index = 0; index < pieces.size(); ++index) {
        StreamWorker::Piece &piece = pieces[index];
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
            // One message at most per call (streamlimits.h).
            const qint64 chunk = std::min(piece.data.size() - offset, StreamMessagePayloadMax);
            const int rc = virStreamSend(stream, piece.data.constData() + offset, size_t(chunk));
            if (rc == -2) {
                piece.data.remove(0, offset);
                sent.unsent = pieces.mid(index);
                return sent;
            }
            if (rc < 0) {
                sent.failure = takeLibvirtError();
                return sent;
            }
            offset += rc;
            sent.data += rc;
        }
    }
    return sent;
}

} // namespace

StreamWorker::StreamWorker(QObject *owner, virStreamPtr stream)
    : m_mailbox(ThreadMailbox::create(owner))
    , m_stream(stream)
{ }

StreamWorker::~StreamWorker()
{
    m_mailbox->detach();
}

template<typename Result>
void StreamWorker::run(std::function<Result(virStreamPtr)> call,
                       std::function<void(const Result &)> done)
{
    m_busy = true;
    virStreamRef(m_stream);
    BackgroundWork::begin();
    const auto work = [stream = m_stream, call, done, mailbox = m_mailbox, this] {
        Result result = call(stream);
        virStreamFree(stream);
        // Delivered only while this worker is alive (its destructor detaches
        // the mailbox), so this is still valid where it runs.
        mailbox->post([this, done, result = std::move(result)] {
            m_busy = false;
            done(result);
        });
        BackgroundWork::end();
    };
    if (!runInDetachedThread(work, lcQtVirtStream)) {
        // Late rather than never: the owner waits for the result.
        work();
    }
}

void StreamWorker::send(QList<Piece> pieces, std::function<void(const Sent &)> done)
{
    run<Sent>([pieces = std::move(pieces)](
                  virStreamPtr stream) mutable { return sendPieces(stream, pieces); },
              std::move(done));
}

void StreamWorker::finish(std::function<void(const QString &failure)> done)
{
    run<QString>(
        [](virStreamPtr stream) {
            return virStreamFinish(stream) < 0 ? takeLibvirtError() : QString();
        },
        std::move(done));
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
