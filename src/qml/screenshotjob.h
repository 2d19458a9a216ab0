// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_SCREENSHOTJOB_H
#define QTVIRT_QML_SCREENSHOTJOB_H

#include <QtCore/QObject>
#include <QtCore/QSize>
#include <QtCore/QString>
#include <QtCore/QUuid>
#include <QtGui/QImage>

// One image://qtvirt/ request: takes the screenshot in the engine's thread,
// where the Connections live, decodes it in a pool thread and reports it
// through done(), then deletes itself. The image loader's response, in a
// thread of its own, receives done() queued, or never when it was deleted
// meanwhile.
class ScreenshotJob : public QObject
{
    Q_OBJECT

public:
    // id is the image id after image://qtvirt/, requestedSize the Image's
    // sourceSize.
    ScreenshotJob(const QString &id, const QSize &requestedSize);

    // Call in the engine's thread.
    void run();

Q_SIGNALS:
    void done(const QImage &image, const QString &error);

private:
    void report(const QImage &image, const QString &error);

    QString m_uri;
    QUuid m_uuid;
    QSize m_requestedSize;
};

#endif // QTVIRT_QML_SCREENSHOTJOB_H
