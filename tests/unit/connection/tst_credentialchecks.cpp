// SPDX-License-Identifier: LGPL-2.1-or-later
//
// How QVirtConnection hands the application's answers to
// libvirt's credentials requests, against the test driver in this process
// (a node file with a user makes virConnectOpenAuth() ask for a user name,
// then for a password). The answers used to be matched to the requests by
// position alone, so a list whose entries were not the ones asked for put,
// say, a password where libvirt expected a user name; and an answer with a
// NUL character was cut short by strdup() while libvirt was told its full
// length, so "s3cret\0anything" logged in as "s3cret".

#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

const QString User = QStringLiteral("alice");
const QString Password = QStringLiteral("s3cret");

} // namespace

class tst_CredentialChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void answerOfAnotherTypeFailsTheOpen();
    void answerWithFewerEntriesFailsTheOpen();
    void answerWithNulFailsTheOpen();
    void rightAnswersStillOpen();

private:
    // Opens the test URI, answering each request with what answer makes of
    // it; returns the error, or an empty string once the connection opened.
    QString openAnswering(
        const std::function<QList<QVirtCredential>(const QList<QVirtCredential> &)> &answer);

    QString m_uri;
    QTemporaryDir m_dir;
};

void tst_CredentialChecks::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    QVERIFY(m_dir.isValid());
    m_uri = QtVirtTest::authenticatedNodeUri(m_dir);
    QVERIFY(!m_uri.isEmpty());
}

void tst_CredentialChecks::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_CredentialChecks::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

QString tst_CredentialChecks::openAnswering(
    const std::function<QList<QVirtCredential>(const QList<QVirtCredential> &)> &answer)
{
    QVirtConnection conn;
    int asked = 0;
    connect(&conn, &QVirtConnection::credentialsRequested, this,
            [&](const QList<QVirtCredential> &credentials) {
                ++asked;
                conn.answerCredentials(answer(credentials));
            });
    QSignalSpy opened(&conn, &QVirtConnection::opened);
    QSignalSpy failed(&conn, &QVirtConnection::errorOccurred);
    conn.open(m_uri);
    if (!QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 10000))
        return QStringLiteral("neither opened nor failed");
    if (asked == 0)
        return QStringLiteral("credentialsRequested was never emitted");
    if (!opened.isEmpty())
        return QString();
    if (conn.state() != QVirtConnection::State::Closed)
        return QStringLiteral("failed, but not closed");
    // A refused answer is a failure to authenticate.
    if (failed.at(0).at(0).value<QVirtConnection::Error>() != QVirtConnection::AuthenticationError)
        return QStringLiteral("failed, but not with AuthenticationError");
    return conn.errorString();
}

// The test driver asks for the user name first. An answer that is a
// passphrase carries the password: it must never reach libvirt as the
// user name, and the open must say why it failed.
void tst_CredentialChecks::answerOfAnotherTypeFailsTheOpen()
{
    const QString error = openAnswering([](const QList<QVirtCredential> &asked) {
        QList<QVirtCredential> answer;
        for (const QVirtCredential &credential : asked) {
            const bool isName = credential.type() == QVirtCredential::Type::AuthName;
            QVirtCredential reply(
                isName ? QVirtCredential::Type::Passphrase : QVirtCredential::Type::AuthName,
                credential.prompt(), credential.challenge(), credential.defaultResult());
            // Each value is the right one for the slot it lands in by
            // position, so the old code logged in although every entry
            // claimed to be something else.
            reply.setResult(isName ? User : Password);
            answer.append(reply);
        }
        return answer;
    });
    QCOMPARE(error,
             QStringLiteral("answer 1 to libvirt's credentials request is of type Passphrase, "
                            "but libvirt asked for AuthName"));
}

void tst_CredentialChecks::answerWithFewerEntriesFailsTheOpen()
{
    const QString error
        = openAnswering([](const QList<QVirtCredential> &) { return QList<QVirtCredential>(); });
    QCOMPARE(error, QStringLiteral("libvirt asked for 1 credential(s), but the answer holds 0"));
}

void tst_CredentialChecks::answerWithNulFailsTheOpen()
{
    const QString error = openAnswering([](QList<QVirtCredential> credentials) {
        for (QVirtCredential &credential : credentials) {
            if (credential.type() == QVirtCredential::Type::Passphrase)
                credential.setResult(Password + QChar(u'\0') + QStringLiteral("anything"));
            else
                credential.setResult(User);
        }
        return credentials;
    });
    QCOMPARE(error,
             QStringLiteral("answer 1 to libvirt's credentials request contains a NUL character"));
}

void tst_CredentialChecks::rightAnswersStillOpen()
{
    const QString error = openAnswering([](QList<QVirtCredential> credentials) {
        for (QVirtCredential &credential : credentials)
            credential.setResult(credential.type() == QVirtCredential::Type::Passphrase ? Password
                                                                                        : User);
        return credentials;
    });
    QCOMPARE(error, QString());
}

QTEST_GUILESS_MAIN(tst_CredentialChecks)
#include "tst_credentialchecks.moc"
