// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_SCREENSHOTIMAGEPROVIDER_H
#define QTVIRT_QML_SCREENSHOTIMAGEPROVIDER_H

#include <QtCore/QPointer>
#include <QtQuick/QQuickAsyncImageProvider>

QT_BEGIN_NAMESPACE
class QQmlEngine;
QT_END_NAMESPACE

// image://qtvirt/CONNECTION/UUID[?ANYTHING]: the current screen of a
// running domain (QVirtConnection::domainScreenshot(), screen 0), for
// thumbnails.
//
// CONNECTION is the URI of an open Connection of the same QML engine,
// percent-encoded as one path segment, as encodeURIComponent() does in
// QML: the URI's own "/", "?", "&" and "=" are then escaped, so the last
// "/" of the id always separates it from the UUID, and the id reads the
// same whichever Connection object of that URI answers. UUID is the
// domain's UUID (the model's "uuid" role). Everything after "?" is
// ignored: the engine caches an image by its source, so a changing suffix
// (a counter, a time) asks for a new screenshot; a QML Image should also
// set cache: false, so that old screens are not kept.
//
// The screenshot is taken in the engine's thread, on the Connection's own
// libvirt connection; a domain that does not run, an unknown connection or
// an image Qt cannot decode gives the Image an error (status Image.Error)
// with the reason.
class ScreenshotImageProvider : public QQuickAsyncImageProvider
{
public:
    // The name under which initializeEngine() adds it: image://qtvirt/.
    static constexpr const char *ProviderId = "qtvirt";

    explicit ScreenshotImageProvider(QQmlEngine *engine);

    QQuickImageResponse *requestImageResponse(const QString &id,
                                              const QSize &requestedSize) override;

private:
    // Where the screenshots are taken: an object of the engine's thread.
    QPointer<QObject> m_context;
};

#endif // QTVIRT_QML_SCREENSHOTIMAGEPROVIDER_H
