// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QtVirt/qvirterror.h>

#include <libvirt/virterror.h>

class QVirtErrorData : public QSharedData
{
public:
    QString message;
    QByteArray what;
    int code = 0;
};

QVirtError::QVirtError(const QString &message, int code)
    : d(new QVirtErrorData)
{
    d->message = message;
    d->what = message.toUtf8();
    d->code = code;
}

QVirtError QVirtError::fromLastError(const QString &fallbackMessage)
{
    const virErrorPtr error = virGetLastError();
    if (!error || !error->message)
        return QVirtError(fallbackMessage);
    return QVirtError(QString::fromUtf8(error->message), error->code);
}

QVirtError::QVirtError(const QVirtError &other) = default;
QVirtError &QVirtError::operator=(const QVirtError &other) = default;
QVirtError::~QVirtError() = default;

QString QVirtError::message() const
{
    return d->message;
}

int QVirtError::code() const
{
    return d->code;
}

const char *QVirtError::what() const noexcept
{
    return d->what.constData();
}

void QVirtError::raise() const
{
    throw *this;
}

QVirtError *QVirtError::clone() const
{
    return new QVirtError(*this);
}
