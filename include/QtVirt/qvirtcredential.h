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
        UserName = 1,     ///< The user name.
        AuthName = 2,     ///< The identity to act as (an authorization name).
        Language = 3,     ///< The language (RFC 1766).
        ClientNonce = 4,  ///< A client-supplied nonce.
        Passphrase = 5,   ///< A passphrase, not echoed.
        EchoPrompt = 6,   ///< An answer to a challenge, echoed.
        NoEchoPrompt = 7, ///< An answer to a challenge, not echoed.
        Realm = 8,        ///< The authentication realm.
        External = 9,     ///< Information from an external source.
    };
    Q_ENUM(Type)

    /*!
        Constructs an empty credential of no type.
        \since 0.1
    */
    QVirtCredential();
    /*!
        Constructs a request for a credential of \a type, with the \a prompt to show, the
        \a challenge (if any) and the \a defaultResult libvirt suggests.
        \since 0.1
    */
    QVirtCredential(Type type, const QString &prompt, const QString &challenge,
                    const QString &defaultResult);
    /*! Constructs a copy of \a other. */
    QVirtCredential(const QVirtCredential &other);
    /*! Assigns \a other to this object and returns a reference to it. */
    QVirtCredential &operator=(const QVirtCredential &other);
    /*! Destroys the object. */
    ~QVirtCredential();

    /*!
        Returns what is asked for.
        \since 0.1
    */
    Type type() const;
    /*!
        Returns the text to show to the user.
        \since 0.1
    */
    QString prompt() const;
    /*! \since 0.1 */
    QString challenge() const;
    /*! \since 0.1 */
    QString defaultResult() const;
    /*! The answer; empty means defaultResult(). \since 0.1 */
    QString result() const;
    /*!
        Sets the answer to \a result; libvirt receives it once
        QVirtConnection::answerCredentials() passes the list back.
        \since 0.1
    */
    void setResult(const QString &result);

private:
    QSharedDataPointer<QVirtCredentialData> d;
};

Q_DECLARE_METATYPE(QVirtCredential)

#endif // QTVIRT_QVIRTCREDENTIAL_H
