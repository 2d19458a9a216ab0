// SPDX-License-Identifier: LGPL-2.1-or-later
#include "screenshotjob.h"

#include "qmlconnection.h"

#include <QtVirt/QVirtError>

#include <QtCore/QCoreApplication>
#include <QtCore/QFuture>
#include <QtCore/QUrl>

namespace {

// image scaled to an Image's sourceSize, of which a 0 (or negative)
// dimension follows the other one's scale, as for files.
QImage scaled(const QImage &image, const QSize &requested)
{
    const bool width = requested.width() > 0;
    const bool height = requested.height() > 0;
    if (width && height)
        return image.scaled(requested, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (width)
        return image.scaledToWidth(requested.width(), Qt::SmoothTransformation);
    if (height)
        return image.scaledToHeight(requested.height(), Qt::SmoothTransformation);
    return image;
}

// A screenshot as the image loader takes it, or why there is none.
struct DecodedScreenshot
{
    QImage image;
    QString error;
};

DecodedScreenshot decode(const QVirtScreenshot &screenshot, const QSize &requested)
{
    const QImage image = QImage::fromData(screenshot.data());
    if (image.isNull()) {
        return {{},
                QCoreApplication::translate("ScreenshotImageProvider",
                                            "Cannot decode the screenshot (%1)")
                    .arg(screenshot.mimeType())};
    }
    return {scaled(image, requested), {}};
}

} // namespace

ScreenshotJob::ScreenshotJob(const QString &id, const QSize &requestedSize)
    : m_requestedSize(requestedSize)
{
    // The query is the caller's cache breaker; the UUID has no "/" and
    // the encoded URI no unescaped "/", so the last "/" splits them.
    const QString path = id.left(id.indexOf(QLatin1Char('?')));
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0)
        return;
    m_uri = QUrl::fromPercentEncoding(path.left(slash).toUtf8());
    m_uuid = QUuid::fromString(QStringView(path).mid(slash + 1));
}

void ScreenshotJob::run()
{
    if (m_uri.isEmpty() || m_uuid.isNull()) {
        report({},
               QCoreApplication::translate("ScreenshotImageProvider",
                                           "Not a screenshot id: expected image://qtvirt/"
                                           "<percent-encoded connection URI>/<domain UUID>"));
        return;
    }
    QmlConnection *connection = QmlConnection::openConnection(m_uri);
    if (!connection) {
        report({},
               QCoreApplication::translate("ScreenshotImageProvider",
                                           "No open Connection has the URI %1")
                   .arg(m_uri));
        return;
    }
    // Decoded and scaled in Qt's global thread pool: a guest's screen is a
    // PNG of a megapixel or more, whose decoding and smooth scaling the engine's
    // thread, usually the GUI thread, must not do for each thumbnail.
    connection->domainScreenshot(QVirtDomainRef(QString(), m_uuid))
        .then(QtFuture::Launch::Async,
              [requested = m_requestedSize](const QVirtScreenshot &screenshot) {
                  return decode(screenshot, requested);
              })
        .then(this,
              [this](const DecodedScreenshot &decoded) { report(decoded.image, decoded.error); })
        // First: an onFailed() turns a cancellation (the connection closed
        // with the call on its way) into a plain end that no later
        // onCanceled() sees, and the Image would stay Loading. A failure
        // passes through this one to the onFailed()s.
        .onCanceled(this,
                    [this] {
                        report({},
                               QCoreApplication::translate("ScreenshotImageProvider",
                                                           "The screenshot was canceled"));
                    })
        .onFailed(this, [this](const QVirtError &error) { report({}, error.message()); })
        .onFailed(this, [this] {
            report({},
                   QCoreApplication::translate("ScreenshotImageProvider", "The screenshot failed"));
        });
}

void ScreenshotJob::report(const QImage &image, const QString &error)
{
    // When the application ends with a result on its way, Qt deletes the
    // queued continuation while it holds its lock on posted events; the
    // continuation's promise then reports a cancellation, from inside that
    // lock. Nobody waits for an image any more, and posting done() or the
    // deletion would wait for the lock for ever.
    if (QCoreApplication::closingDown())
        return;
    Q_EMIT done(image, error);
    deleteLater();
}
