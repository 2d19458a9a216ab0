// SPDX-License-Identifier: LGPL-2.1-or-later
#include "screenshotimageprovider.h"

#include "screenshotjob.h"

#include <QtCore/QCoreApplication>
#include <QtGui/QImage>
#include <QtQml/QQmlEngine>

namespace {

// The answer to one request, delivered in the thread that asked.
class ScreenshotResponse : public QQuickImageResponse
{
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

} // namespace

ScreenshotImageProvider::ScreenshotImageProvider(QQmlEngine *engine)
    : m_context(engine)
{ }

QQuickImageResponse *ScreenshotImageProvider::requestImageResponse(const QString &id,
                                                                   const QSize &requestedSize)
{
    auto *response = new ScreenshotResponse;
    if (!m_context) {
        // Queued: finished() must not come before the engine's image
        // loader has connected to it.
        QMetaObject::invokeMethod(
            response,
            [response] {
                response->finish({},
                                 QCoreApplication::translate("ScreenshotImageProvider",
                                                             "The QML engine is gone"));
            },
            Qt::QueuedConnection);
        return response;
    }
    auto *job = new ScreenshotJob(id, requestedSize);
    QObject::connect(job, &ScreenshotJob::done, response, &ScreenshotResponse::finish,
                     Qt::QueuedConnection);
    job->moveToThread(m_context->thread());
    QMetaObject::invokeMethod(job, &ScreenshotJob::run, Qt::QueuedConnection);
    return response;
}
