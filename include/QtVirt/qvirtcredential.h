// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTCREDENTIAL_H
#define QTVIRT_QVIRTCREDENTIAL_H

#include <QtVirt/qtvirtglobal.h>

#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>

class QVirtCredentialData;

/*!
    \class QVirtCredential
    \brief One item libvirt asks for while authenticating (virConnectCredential).

    QVirtConnection::credentialsRequested() hands a list of them to the
    application, which fills in each result with setResult() and passes the
    list back to QVirtConnection::answerCredentials().

    \since 0.1
*/
class QTVIRT_EXPORT QVirtCredential
{
    Q_GADGET
    Q_PROPERTY(Type type READ type CONSTANT)
    Q_PROPERTY(QString prompt READ prompt CONSTANT)
    Q_PROPERTY(QString challenge READ challenge CONSTANT)
    Q_PROPERTY(QString defaultResult READ defaultResult CONSTANT)
    Q_PROPERTY(QString result READ result WRITE setResult)

public:
    /*! virConnectCredentialType; values equal libvirt's. \since 0.1 */
    enum class Type {
        UserName = 1,
        AuthName = 2,
        Language = 3,
        ClientNonce = 4,
        Passphrase = 5,
        EchoPrompt = 6,
        NoEchoPrompt = 7,
        Realm = 8,
        External = 9,
    };
    Q_ENUM(Type)

    /*! \since 0.1 */
    QVirtCredential();
    /*! \since 0.1 */
    QVirtCredential(Type type, const QString &prompt, const QString &challenge,
                    const QString &defaultResult);
    QVirtCredential(const QVirtCredential &other);
    QVirtCredential &operator=(const QVirtCredential &other);
    ~QVirtCredential();

    /*! \since 0.1 */
    Type type() const;
    /*! \since 0.1 */
    QString prompt() const;
    /*! \since 0.1 */
    QString challenge() const;
    /*! \since 0.1 */
    QString defaultResult() const;
    /*! The answer; empty means defaultResult(). \since 0.1 */
    QString result() const;
    /*! \since 0.1 */
    void setResult(const QString &result);

private:
    QSharedDataPointer<QVirtCredentialData> d;
};

Q_DECLARE_METATYPE(QVirtCredential)

#endif // QTVIRT_QVIRTCREDENTIAL_H
