// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTSCREENSHOT_H
#define QTVIRT_QVIRTSCREENSHOT_H

#include <QtVirt/qtvirtglobal.h>

#include <QtCore/QByteArray>
#include <QtCore/QMetaType>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>

class QVirtScreenshotData;

/*!
    \class QVirtScreenshot
    \brief A screen of a domain, as QVirtConnection::domainScreenshot() took it.

    A small, implicitly shared value: the image file exactly as the
    hypervisor made it (data()), and its MIME type as libvirt reports it
    (mimeType()), for example \c image/x-portable-pixmap from QEMU or
    \c image/png from the test driver. QtVirtCore needs no Qt GUI module;
    an application that has one decodes the image with
    \c{QImage::fromData(screenshot.data())}, which recognizes both formats.

    \since 0.2
*/
class QTVIRT_EXPORT QVirtScreenshot
{
public:
    /*! An empty value: no data, no MIME type. \since 0.2 */
    QVirtScreenshot();
    /*! A screenshot of type \a mimeType made of \a data. \since 0.2 */
    QVirtScreenshot(const QString &mimeType, const QByteArray &data);
    /*! Constructs a copy of \a other. */
    QVirtScreenshot(const QVirtScreenshot &other);
    /*! Moves \a other into a new object; \a other may only be assigned to or destroyed afterwards.
     */
    QVirtScreenshot(QVirtScreenshot &&other) noexcept;
    /*! Assigns \a other to this object and returns a reference to it. */
    QVirtScreenshot &operator=(const QVirtScreenshot &other);
    /*! Moves \a other into this object and returns a reference to it. */
    QVirtScreenshot &operator=(QVirtScreenshot &&other) noexcept;
    /*! Destroys the object. */
    ~QVirtScreenshot();

    /*! The MIME type libvirt reported for data(). \since 0.2 */
    QString mimeType() const;
    /*! The image file, byte for byte as the hypervisor sent it. \since 0.2 */
    QByteArray data() const;
    /*!
        Returns whether there is no data (a default-constructed value).
        \since 0.2
    */
    bool isNull() const;

private:
    QSharedDataPointer<QVirtScreenshotData> d;
};

Q_DECLARE_METATYPE(QVirtScreenshot)

#endif // QTVIRT_QVIRTSCREENSHOT_H
