// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTERROR_H
#define QTVIRT_QVIRTERROR_H

#include <QtVirt/qtvirtglobal.h>

#include <QtCore/QException>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>

class QVirtErrorData;

/*!
    \class QVirtError
    \brief libvirt's error, as the exception a failed QFuture carries.

    \code
    conn->destroyDomain(domain)
        .then(this, [] { ... })
        .onFailed(this, [](const QVirtError &error) { qWarning() << error.message(); });
    \endcode

    \since 0.1
*/
class QTVIRT_EXPORT QVirtError : public QException
{
public:
    /*!
        Constructs an error with \a message; \a code is libvirt's virErrorNumber (0 when
        libvirt gave none).
        \since 0.1
    */
    explicit QVirtError(const QString &message, int code = 0);
    /*!
        Returns the calling thread's last libvirt error (virGetLastError()), or an error
        with \a fallbackMessage and code 0 when libvirt has none.
        \since 0.1
    */
    static QVirtError fromLastError(const QString &fallbackMessage);
    /*! Constructs a copy of \a other. */
    QVirtError(const QVirtError &other);
    /*! Assigns \a other to this object and returns a reference to it. */
    QVirtError &operator=(const QVirtError &other);
    /*! Destroys the object. */
    ~QVirtError() override;

    /*! libvirt's message. \since 0.1 */
    QString message() const;
    /*! libvirt's virErrorNumber, or 0. \since 0.1 */
    int code() const;

    /*! Returns message() in UTF-8. */
    const char *what() const noexcept override;
    /*! Throws a copy of this error, as QException::raise() does. */
    void raise() const override;
    /*! Returns a new copy of this error, as QException::clone() does. */
    QVirtError *clone() const override;

private:
    QSharedDataPointer<QVirtErrorData> d;
};

#endif // QTVIRT_QVIRTERROR_H
