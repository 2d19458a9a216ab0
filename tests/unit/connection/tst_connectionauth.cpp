// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection's credentials requests, against the test driver in this
// process: a node file with a user makes virConnectOpenAuth() ask for a
// user name and a password (src/test/test_driver.c, testConnectAuthenticate).

#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QElapsedTimer>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

QList<QVirtCredential> answered(QList<QVirtCredential> credentials, const QString &user,
                                const QString &password)
{
    for (QVirtCredential &credential : credentials) {
        if (credential.type() == QVirtCredential::Type::AuthName
            || credential.type() == QVirtCredential::Type::UserName)
            credential.setResult(user);
        else if (credential.type() == QVirtCredential::Type::Passphrase)
            credential.setResult(password);
    }
    return credentials;
}

// Some tests below once passed whether or not
// credentialsRequested() was ever emitted, because an open that never asks
// fails just the same. libvirt's test driver, given a node file with a user,
// asks for the user name, then for the password, one request each
// (testConnectAuthenticate). askedTypes() lists the types of the credentials
// of every emission, in order.
QList<QVirtCredential::Type> askedTypes(const QSignalSpy &asked)
{
    QList<QVirtCredential::Type> types;
    for (const QList<QVariant> &arguments : asked) {
        const auto credentials = arguments.at(0).value<QList<QVirtCredential>>();
        for (const QVirtCredential &credential : credentials)
            types.append(credential.type());
    }
    return types;
}

const QList<QVirtCredential::Type> UserThenPassword
    = {QVirtCredential::Type::AuthName, QVirtCredential::Type::Passphrase};

} // namespace

class tst_ConnectionAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void asyncOpenAsksThroughSignalAndUsesAnswer();
    void wrongAnswerFailsWithLibvirtsMessage();
    void rejectionFailsTheOpen();
    void unansweredRequestTimesOutWhileLoopKeepsRunning();
    void destroyingWhileAskingReleasesTheOpener();
    void blockingOpenTakesAnswerFromSlot();
    void requestOfAnAbandonedOpenIsNotEmitted();

private:
    QString m_uri;
    QTemporaryDir m_dir;
};

void tst_ConnectionAuth::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    QVERIFY(m_dir.isValid());
    m_uri = QtVirtTest::authenticatedNodeUri(m_dir);
    QVERIFY(!m_uri.isEmpty());
}

void tst_ConnectionAuth::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_ConnectionAuth::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_ConnectionAuth::asyncOpenAsksThroughSignalAndUsesAnswer()
{
    QVirtConnection conn;
    QList<QVirtCredential::Type> asked;
    connect(&conn, &QVirtConnection::credentialsRequested, this,
            [&](const QList<QVirtCredential> &credentials) {
                QCOMPARE(QThread::currentThread(), thread());
                for (const QVirtCredential &credential : credentials)
                    asked.append(credential.type());
                conn.answerCredentials(
                    answered(credentials, QStringLiteral("alice"), QStringLiteral("s3cret")));
            });
    QSignalSpy requests(&conn, &QVirtConnection::credentialsRequested);
    QSignalSpy opened(&conn, &QVirtConnection::opened);
    conn.open(m_uri);
    QVERIFY(opened.wait(10000));
    QVERIFY(conn.isOpen());
    QCOMPARE(asked, UserThenPassword);
    QCOMPARE(requests.size(), 2);
}

void tst_ConnectionAuth::wrongAnswerFailsWithLibvirtsMessage()
{
    QVirtConnection conn;
    connect(&conn, &QVirtConnection::credentialsRequested, this,
            [&](const QList<QVirtCredential> &credentials) {
                conn.answerCredentials(
                    answered(credentials, QStringLiteral("alice"), QStringLiteral("wrong")));
            });
    QSignalSpy asked(&conn, &QVirtConnection::credentialsRequested);
    QSignalSpy failed(&conn, &QVirtConnection::errorOccurred);
    conn.open(m_uri);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).value<QVirtConnection::Error>(),
             QVirtConnection::AuthenticationError);
    QVERIFY(!conn.errorString().isEmpty());
    QCOMPARE(conn.state(), QVirtConnection::State::Closed);
    // The password was asked for and refused, not the open failing before.
    QCOMPARE(askedTypes(asked), UserThenPassword);
}

void tst_ConnectionAuth::rejectionFailsTheOpen()
{
    QVirtConnection conn;
    connect(&conn, &QVirtConnection::credentialsRequested, &conn,
            &QVirtConnection::rejectCredentials);
    QSignalSpy asked(&conn, &QVirtConnection::credentialsRequested);
    QSignalSpy failed(&conn, &QVirtConnection::errorOccurred);
    conn.open(m_uri);
    QVERIFY(failed.wait(10000));
    QVERIFY(!conn.isOpen());
    // The user name was asked for, and its rejection ended the open: no
    // second request.
    QCOMPARE(askedTypes(asked), QList<QVirtCredential::Type>{QVirtCredential::Type::AuthName});
}

void tst_ConnectionAuth::unansweredRequestTimesOutWhileLoopKeepsRunning()
{
    QVirtConnection conn;
    conn.setCredentialsTimeout(std::chrono::milliseconds(1500));
    QSignalSpy asked(&conn, &QVirtConnection::credentialsRequested);
    QSignalSpy failed(&conn, &QVirtConnection::errorOccurred);
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    ticker.start(50);
    QElapsedTimer elapsed;
    elapsed.start();
    QTest::ignoreMessage(QtWarningMsg, "no answer to libvirt's credentials request in time");
    conn.open(m_uri);
    QVERIFY(failed.wait(10000));
    QCOMPARE(asked.size(), 1);
    QVERIFY(elapsed.elapsed() >= 1400);
    // The GUI thread never waited for the opener: its timer kept ticking.
    QVERIFY2(ticks >= 15, qPrintable(QString::number(ticks)));
}

void tst_ConnectionAuth::destroyingWhileAskingReleasesTheOpener()
{
    QElapsedTimer elapsed;
    elapsed.start();
    {
        QVirtConnection conn; // the default timeout is minutes
        QSignalSpy asked(&conn, &QVirtConnection::credentialsRequested);
        conn.open(m_uri);
        QVERIFY(asked.wait(10000));
    }
    // The worker gives up at once; the pool has it back well before the
    // default timeout.
    QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
    QVERIFY(elapsed.elapsed() < 10000);
}

void tst_ConnectionAuth::blockingOpenTakesAnswerFromSlot()
{
    QVirtConnection conn;
    connect(&conn, &QVirtConnection::credentialsRequested, this,
            [&](const QList<QVirtCredential> &credentials) {
                conn.answerCredentials(
                    answered(credentials, QStringLiteral("alice"), QStringLiteral("s3cret")));
            });
    QSignalSpy asked(&conn, &QVirtConnection::credentialsRequested);
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));
    QCOMPARE(conn.hypervisorType(), QStringLiteral("TEST"));
    QCOMPARE(askedTypes(asked), UserThenPassword);
}

// A credentials request travels from the
// opening thread to the connection's thread as a posted event. One posted
// before close() (or a new open()) was still emitted afterwards, asking the
// user for credentials of an open that had been abandoned. A request must
// be emitted only while its open is still the current one.
void tst_ConnectionAuth::requestOfAnAbandonedOpenIsNotEmitted()
{
    QVirtConnection conn;
    QSignalSpy asked(&conn, &QVirtConnection::credentialsRequested);
    QSignalSpy failed(&conn, &QVirtConnection::errorOccurred);
    conn.open(m_uri);
    // No events run in this thread meanwhile: the worker's request, posted
    // long before this ends, waits in the queue.
    QThread::sleep(2);
    conn.close();
    QTest::qWait(500);
    QCOMPARE(asked.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(conn.state(), QVirtConnection::State::Closed);
}

QTEST_GUILESS_MAIN(tst_ConnectionAuth)
#include "tst_connectionauth.moc"
