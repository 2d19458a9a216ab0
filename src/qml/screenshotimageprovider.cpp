// SPDX-License-Identifier: LGPL-2.1-or-later
#include "screenshotimageprovider.h"

#include "qmlconnection.h"

#include <QtVirt/QVirtError>

#include <QtCore/QCoreApplication>
#include <QtCore/QFuture>
#include <QtCore/QUrl>
#include <QtCore/QUuid>
#include <QtGui/QImage>
#include <QtQml/QQmlEngine>

namespace {

// What an image://qtvirt/ id names; valid() is false for a malformed id.
struct ScreenshotId
{
    QString uri;
    QUuid uuid;

    bool valid() const { return !uri.isEmpty() && !uuid.isNull(); }
};

ScreenshotId parseId(const QString &id)
{
    // The query is the caller's cache breaker; the UUID has no "/" and
    // the encoded URI no unescaped "/", so the last "/" splits them.
    const QString path = id.left(id.indexOf(QLatin1Char('?')));
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0)
        return {};
    return {QUrl::fromPercentEncoding(path.left(slash).toUtf8()),
            QUuid::fromString(QStringView(path).mid(slash + 1))};
}

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

// text is marked with QT_TRANSLATE_NOOP("ScreenshotImageProvider", ...),
// so that lupdate finds it.
QString translated(const char *text)
{
    return QCoreApplication::translate("ScreenshotImageProvider", text);
}

// The answer to one request, delivered in the thread that asked.
class ScreenshotResponse : public QQuickImageResponse
{
    Q_OBJECT

public:
    QQuickTextureFactory *textureFactory() const override
    {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }
    QString errorString() const override { return m_error; }

    void finish(const QImage &image, const QString &error)
    {
        m_image = image;
        m_error = error;
        Q_EMIT finished();
    }

private:
    QImage m_image;
    QString m_error;
};

// Takes one screenshot in the engine's thread, where the Connection lives,
// and reports it through done(); the response, in the image loader's
// thread, receives it queued, or never when it was deleted meanwhile.
class ScreenshotJob : public QObject
{
    Q_OBJECT

public:
    void run(const ScreenshotId &id, const QSize &requestedSize)
    {
        if (!id.valid()) {
            report({},
                   translated(QT_TRANSLATE_NOOP("ScreenshotImageProvider",
                                                "Not a screenshot id: expected image://qtvirt/"
                                                "<percent-encoded connection URI>/<domain UUID>")));
            return;
        }
        QmlConnection *connection = QmlConnection::openConnection(id.uri);
        if (!connection) {
            report({},
                   translated(QT_TRANSLATE_NOOP("ScreenshotImageProvider",
                                                "No open Connection has the URI %1"))
                       .arg(id.uri));
            return;
        }
        connection->domainScreenshot(QVirtDomainRef(QString(), id.uuid))
            .then(this,
                  [this, requestedSize](const QVirtScreenshot &screenshot) {
                      QImage image = QImage::fromData(screenshot.data());
                      if (image.isNull()) {
                          report({},
                                 translated(QT_TRANSLATE_NOOP("ScreenshotImageProvider",
                                                              "Cannot decode the screenshot (%1)"))
                                     .arg(screenshot.mimeType()));
                          return;
                      }
                      report(scaled(image, requestedSize), QString());
                  })
            .onFailed(this, [this](const QVirtError &error) { report({}, error.message()); })
            .onFailed(this, [this] {
                report({},
                       translated(
                           QT_TRANSLATE_NOOP("ScreenshotImageProvider", "The screenshot failed")));
            });
    }

Q_SIGNALS:
    void done(const QImage &image, const QString &error);

private:
    void report(const QImage &image, const QString &error)
    {
        Q_EMIT done(image, error);
        deleteLater();
    }
};

} // namespace

ScreenshotImageProvider::ScreenshotImageProvider(QQmlEngine *engine)
    : m_context(engine)
{ }

QQuickImageResponse *ScreenshotImageProvider::requestImageResponse(const QString &id,
                                                                   const QSize &requestedSize)
{
    auto *response = new ScreenshotResponse;
    auto *job = new ScreenshotJob;
    // Queued in both directions: finished() must not come before the
    // engine's image loader has connected to it.
    QObject::connect(job, &ScreenshotJob::done, response, &ScreenshotResponse::finish,
                     Qt::QueuedConnection);
    if (!m_context) {
        job->deleteLater();
        QMetaObject::invokeMethod(
            response,
            [response] {
                response->finish({},
                                 translated(QT_TRANSLATE_NOOP("ScreenshotImageProvider",
                                                              "The QML engine is gone")));
            },
            Qt::QueuedConnection);
        return response;
    }
    job->moveToThread(m_context->thread());
    QMetaObject::invokeMethod(
        job, [job, parsed = parseId(id), requestedSize] { job->run(parsed, requestedSize); },
        Qt::QueuedConnection);
    return response;
}

#include "screenshotimageprovider.moc"
