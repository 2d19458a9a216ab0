// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection reports a failed open as
// Qt's own devices (QAbstractSocket, QProcess) report their failures, with
// an Error value that names what failed, error(), errorString() and
// errorOccurred(Error). It used to emit only a bare message,
// errorOccurred(const QString &), so a program could not tell a refused
// password (ask again) from a daemon that is not there (retry later)
// without parsing libvirt's English text. Each value is produced here by a
// real failure: a socket with no daemon behind it, and libvirt's test
// driver refusing credentials. The signal's argument, error() and
// errorString() must agree when the signal comes, and a successful open
// resets both, as QAbstractSocket does after a successful connect.

#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

using Error = QVirtConnection::Error;

// What error() and errorString() said while errorOccurred() was emitted.
struct Seen
{
    QList<Error> arguments;
    QList<Error> errors;
    QStringList messages;
};

void record(QVirtConnection *conn, Seen *seen)
{
    QObject::connect(conn, &QVirtConnection::errorOccurred, conn, [conn, seen](Error error) {
        seen->arguments.append(error);
        seen->errors.append(conn->error());
        seen->messages.append(conn->errorString());
    });
}

QList<QVirtCredential> answered(QList<QVirtCredential> credentials, const QString &password)
{
    for (QVirtCredential &credential : credentials) {
        if (credential.type() == QVirtCredential::Type::Passphrase)
            credential.setResult(password);
        else
            credential.setResult(QStringLiteral("alice"));
    }
    return credentials;
}

} // namespace

class tst_ConnectionErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void newConnectionHasNoError();
    void missingDaemonIsOpenError();
    void blockingOpenReportsTheSame();
    void refusedCredentialsAreAuthenticationError_data();
    void refusedCredentialsAreAuthenticationError();
    void successfulOpenResetsTheError();

private:
    QString m_missingSocketUri;
    QString m_authUri;
    QTemporaryDir m_dir;
};

void tst_ConnectionErrors::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    QVERIFY(m_dir.isValid());
    // The testbed's remote URI with a socket that nothing listens on.
    m_missingSocketUri
        = QStringLiteral("test+unix:///default?socket=%1/no-daemon-here").arg(m_dir.path());
    m_authUri = QtVirtTest::authenticatedNodeUri(m_dir);
    QVERIFY(!m_authUri.isEmpty());
}

void tst_ConnectionErrors::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_ConnectionErrors::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_ConnectionErrors::newConnectionHasNoError()
{
    const QVirtConnection conn;
    QCOMPARE(conn.error(), QVirtConnection::NoError);
    QCOMPARE(conn.errorString(), QString());
}

void tst_ConnectionErrors::missingDaemonIsOpenError()
{
    QVirtConnection conn;
    Seen seen;
    record(&conn, &seen);
    QSignalSpy errors(&conn, &QVirtConnection::errorOccurred);
    QSignalSpy changed(&conn, &QVirtConnection::errorChanged);
    conn.open(m_missingSocketUri);
    QVERIFY(errors.wait(10000));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<Error>(), QVirtConnection::OpenError);
    QCOMPARE(seen.errors, QList<Error>{QVirtConnection::OpenError});
    QCOMPARE(conn.error(), QVirtConnection::OpenError);
    // libvirt's message names the socket it could not reach.
    QVERIFY2(seen.messages.at(0).contains(QLatin1String("no-daemon-here")),
             qPrintable(seen.messages.at(0)));
    QCOMPARE(conn.errorString(), seen.messages.at(0));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(conn.state(), QVirtConnection::State::Closed);
}

void tst_ConnectionErrors::blockingOpenReportsTheSame()
{
    QVirtConnection conn;
    Seen seen;
    record(&conn, &seen);
    QVERIFY(!conn.openBlocking(m_missingSocketUri));
    QCOMPARE(seen.arguments, QList<Error>{QVirtConnection::OpenError});
    QCOMPARE(seen.errors, QList<Error>{QVirtConnection::OpenError});
    QCOMPARE(conn.error(), QVirtConnection::OpenError);
    QVERIFY(!conn.errorString().isEmpty());
    QCOMPARE(conn.errorString(), seen.messages.at(0));
}

void tst_ConnectionErrors::refusedCredentialsAreAuthenticationError_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("expectedMessagePart");
    // libvirt's test driver checks the password (testConnectAuthenticate).
    QTest::newRow("wrong password") << QStringLiteral("wrong") << QString();
    // The application refuses to answer.
    QTest::newRow("rejected") << QStringLiteral("reject") << QString();
    // QtVirt itself refuses an answer that does not match the request.
    QTest::newRow("answer of the wrong length")
        << QStringLiteral("short") << QStringLiteral("but the answer holds 0");
}

void tst_ConnectionErrors::refusedCredentialsAreAuthenticationError()
{
    QFETCH(QString, how);
    QFETCH(QString, expectedMessagePart);
    QVirtConnection conn;
    connect(&conn, &QVirtConnection::credentialsRequested, this,
            [&](const QList<QVirtCredential> &credentials) {
                if (how == QLatin1String("reject"))
                    conn.rejectCredentials();
                else if (how == QLatin1String("short"))
                    conn.answerCredentials({});
                else
                    conn.answerCredentials(answered(credentials, how));
            });
    Seen seen;
    record(&conn, &seen);
    QSignalSpy errors(&conn, &QVirtConnection::errorOccurred);
    conn.open(m_authUri);
    QVERIFY(errors.wait(10000));
    QCOMPARE(seen.arguments, QList<Error>{QVirtConnection::AuthenticationError});
    QCOMPARE(seen.errors, QList<Error>{QVirtConnection::AuthenticationError});
    QCOMPARE(conn.error(), QVirtConnection::AuthenticationError);
    QVERIFY(!seen.messages.at(0).isEmpty());
    QVERIFY2(seen.messages.at(0).contains(expectedMessagePart), qPrintable(seen.messages.at(0)));
    QCOMPARE(conn.errorString(), seen.messages.at(0));
    QVERIFY(!conn.isOpen());
}

void tst_ConnectionErrors::successfulOpenResetsTheError()
{
    QVirtConnection conn;
    QVERIFY(!conn.openBlocking(m_missingSocketUri));
    QCOMPARE(conn.error(), QVirtConnection::OpenError);

    QSignalSpy changed(&conn, &QVirtConnection::errorChanged);
    QSignalSpy errors(&conn, &QVirtConnection::errorOccurred);
    // What a slot of opened() sees: the open succeeded, so no error.
    Error errorAtOpened = QVirtConnection::OpenError;
    QString messageAtOpened = QStringLiteral("not called");
    connect(&conn, &QVirtConnection::opened, this, [&] {
        errorAtOpened = conn.error();
        messageAtOpened = conn.errorString();
    });
    QSignalSpy opened(&conn, &QVirtConnection::opened);
    conn.open(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI")));
    QVERIFY(opened.wait(10000));
    QCOMPARE(errorAtOpened, QVirtConnection::NoError);
    QCOMPARE(messageAtOpened, QString());
    QCOMPARE(conn.error(), QVirtConnection::NoError);
    QCOMPARE(conn.errorString(), QString());
    // The properties changed, so bindings to them (QML) hear of it.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(errors.size(), 0);

    // Closing is no failure: the (empty) error stays.
    conn.close();
    QCOMPARE(conn.error(), QVirtConnection::NoError);
    QCOMPARE(changed.size(), 1);
}

QTEST_GUILESS_MAIN(tst_ConnectionErrors)
#include "tst_connectionerrors.moc"
