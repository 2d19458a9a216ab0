// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QtVirt/qvirtscreenshot.h>

#include <QtCore/QSharedData>

class QVirtScreenshotData : public QSharedData
{
public:
    QString mimeType;
    QByteArray data;
};

QVirtScreenshot::QVirtScreenshot()
    : d(new QVirtScreenshotData)
{ }

QVirtScreenshot::QVirtScreenshot(const QString &mimeType, const QByteArray &data)
    : d(new QVirtScreenshotData)
{
    d->mimeType = mimeType;
    d->data = data;
}

QVirtScreenshot::QVirtScreenshot(const QVirtScreenshot &other) = default;
QVirtScreenshot::QVirtScreenshot(QVirtScreenshot &&other) noexcept = default;
QVirtScreenshot &QVirtScreenshot::operator=(const QVirtScreenshot &other) = default;
QVirtScreenshot &QVirtScreenshot::operator=(QVirtScreenshot &&other) noexcept = default;
QVirtScreenshot::~QVirtScreenshot() = default;

QString QVirtScreenshot::mimeType() const
{
    return d->mimeType;
}

QByteArray QVirtScreenshot::data() const
{
    return d->data;
}

bool QVirtScreenshot::isNull() const
{
    return d->data.isEmpty();
}
