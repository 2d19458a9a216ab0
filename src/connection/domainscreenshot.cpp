// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection::domainScreenshot(): virDomainScreenshot() runs in a pool
// thread and answers with the MIME type; the image itself then arrives
// through a QVirtStream in the connection's thread, on the event loop, and
// the future finishes when the stream does.

#include "connection/libvirtallocations.h"
#include "connection/pendingstream.h"
#include "connection/pooloperation.h"

#include <QtCore/QCoreApplication>

using PoolOperation::PendingOperation;

namespace {

// Reads the image from stream, which the operation owns (it dies with the
// operation, also when the connection is destroyed first), and ends the
// operation when the stream finishes or fails.
void readScreenshot(PendingOperation<QVirtScreenshot> *operation, QVirtStream *stream,
                    const QString &mimeType)
{
    stream->setParent(operation);
    auto data = std::make_shared<QByteArray>();
    // Out of the operation before it ends: the stream is inside its own
    // signal here, and goes with deleteLater() rather than with its parent.
    // Nothing of the stream reaches the operation afterwards.
    const auto release = [stream] {
        QObject::disconnect(stream, nullptr, stream, nullptr);
        stream->setParent(nullptr);
        stream->deleteLater();
    };
    QObject::connect(stream, &QIODevice::readyRead, stream,
                     [stream, data] { data->append(stream->readAll()); });
    QObject::connect(stream, &QVirtStream::finished, stream,
                     [operation, stream, data, mimeType, release] {
                         data->append(stream->readAll());
                         release();
                         operation->succeed(QVirtScreenshot(mimeType, *data));
                     });
    QObject::connect(stream, &QVirtStream::errorOccurred, stream, [operation, stream, release] {
        const QVirtError error(
            QCoreApplication::translate("QVirtConnection", "cannot read the screenshot: %1")
                .arg(stream->errorString()));
        release();
        operation->fail(error);
    });
    // A failure to open comes through errorOccurred() as well.
    stream->open(QIODevice::ReadOnly);
}

} // namespace

QFuture<QVirtScreenshot> QVirtConnection::domainScreenshot(const QVirtDomainRef &domain,
                                                           unsigned int screen)
{
    if (!domain.isValid())
        return PoolOperation::invalidDomain<QVirtScreenshot>();
    if (!d->conn)
        return PoolOperation::notOpen<QVirtScreenshot>();
    const std::shared_ptr<PendingStream> pending = PendingStream::make(d->conn.get());
    return PoolOperation::runOnDomain<QVirtScreenshot>(
        d.get(), domain,
        [pending, screen](virDomainPtr dom) {
            char *mimeType
                = pending->raw() ? virDomainScreenshot(dom, pending->raw(), screen, 0) : nullptr;
            if (!mimeType) {
                throw QVirtError::fromLastError(QCoreApplication::translate(
                    "QVirtConnection", "cannot take a screenshot of the domain"));
            }
            return takeLibvirtString(mimeType);
        },
        [pending](PendingOperation<QVirtScreenshot> *operation, const QString &mimeType) {
            if (operation->isCanceled()) {
                operation->succeed();
                return;
            }
            readScreenshot(operation, pending->take(), mimeType);
        });
}
