// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QtVirt/qvirtcredential.h>

class QVirtCredentialData : public QSharedData
{
public:
    QVirtCredential::Type type = QVirtCredential::Type::UserName;
    QString prompt;
    QString challenge;
    QString defaultResult;
    QString result;
};

QVirtCredential::QVirtCredential()
    : d(new QVirtCredentialData)
{ }

QVirtCredential::QVirtCredential(Type type, const QString &prompt, const QString &challenge,
                                 const QString &defaultResult)
    : d(new QVirtCredentialData)
{
    d->type = type;
    d->prompt = prompt;
    d->challenge = challenge;
    d->defaultResult = defaultResult;
}

QVirtCredential::QVirtCredential(const QVirtCredential &other) = default;
QVirtCredential &QVirtCredential::operator=(const QVirtCredential &other) = default;
QVirtCredential::~QVirtCredential() = default;

QVirtCredential::Type QVirtCredential::type() const
{
    return d->type;
}

QString QVirtCredential::prompt() const
{
    return d->prompt;
}

QString QVirtCredential::challenge() const
{
    return d->challenge;
}

QString QVirtCredential::defaultResult() const
{
    return d->defaultResult;
}

QString QVirtCredential::result() const
{
    return d->result;
}

void QVirtCredential::setResult(const QString &result)
{
    d->result = result;
}
