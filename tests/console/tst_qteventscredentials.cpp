// SPDX-License-Identifier: LGPL-2.1-or-later
//
// qt-events on a URI that asks for credentials. It used
// to leave QVirtConnection::credentialsRequested unanswered, so the open
// hung for the two minutes of the credentials timeout and then failed,
// whatever the user did. It must ask on the terminal, with the password
// not echoed, read piped answers the same way, and fail at once when its
// input ends. The URI is the test driver with a node file that has a user
// (virConnectOpenAuth() then asks for a user name and a password); the
// driver runs inside qt-events, so no daemon is involved. libvirt's own
// debug log tells whether the open succeeded.

#include "consoleprocess.h"
#include "testsupport.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

namespace {

const QString qtEventsPath = QStringLiteral(QTVIRT_QT_EVENTS_PATH);

constexpr int WaitMs = 30000;

// What libvirt 9.0 asks (libvirt's src/util/virauth.c), in the C locale.
const QByteArray UserPrompt = "Enter username for localhost: ";
const QByteArray PasswordPrompt = "Enter alice's password for localhost: ";

} // namespace

class tst_QtEventsCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void asksOnTheTerminalWithoutEchoingThePassword();
    void readsPipedAnswers();
    void failsAtOnceWhenInputEnds();

private:
    QMap<QByteArray, QByteArray> environment(const QString &logName) const;
    bool logSays(const QString &logName, const QByteArray &text) const;

    QTemporaryDir m_dir;
    QString m_uri;
};

void tst_QtEventsCredentials::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY2(QFile::exists(qtEventsPath), qPrintable(qtEventsPath));
    QVERIFY(m_dir.isValid());
    m_uri = QtVirtTest::authenticatedNodeUri(m_dir);
    QVERIFY(!m_uri.isEmpty());
}

void tst_QtEventsCredentials::init()
{
    QtVirtTest::failOnAnyWarning();
}

QMap<QByteArray, QByteArray> tst_QtEventsCredentials::environment(const QString &logName) const
{
    return {{"LC_ALL", "C"},
            {"LANG", {}},
            {"LANGUAGE", {}},
            {"LIBVIRT_LOG_FILTERS", "1:libvirt"},
            {"LIBVIRT_LOG_OUTPUTS", "1:file:" + m_dir.filePath(logName).toLocal8Bit()}};
}

bool tst_QtEventsCredentials::logSays(const QString &logName, const QByteArray &text) const
{
    QFile log(m_dir.filePath(logName));
    return log.open(QIODevice::ReadOnly) && log.readAll().contains(text);
}

void tst_QtEventsCredentials::asksOnTheTerminalWithoutEchoingThePassword()
{
    ConsoleProcess events;
    const QString log = QStringLiteral("terminal.log");
    QCOMPARE(events.start(qtEventsPath, {QStringLiteral("-c"), m_uri, QStringLiteral("--loop")},
                          ConsoleProcess::Input::Terminal, environment(log)),
             QString());
    const qsizetype userAt = events.waitFor(UserPrompt, 0, QDeadlineTimer(WaitMs));
    QVERIFY2(userAt >= 0, events.output().constData());
    QVERIFY(events.terminalSettings().c_lflag & ECHO);
    QVERIFY(events.write("alice\r"));
    const qsizetype passwordAt
        = events.waitFor(PasswordPrompt, userAt + UserPrompt.size(), QDeadlineTimer(WaitMs));
    QVERIFY2(passwordAt >= 0, events.output().constData());
    // Turned off before the prompt was printed.
    QVERIFY(!(events.terminalSettings().c_lflag & ECHO));
    QVERIFY(events.write("s3cret\r"));
    QTRY_VERIFY_WITH_TIMEOUT(logSays(log, " returned SUCCESS"), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(events.terminalSettings().c_lflag & ECHO, WaitMs);

    // The terminal echoed the user name, never the password.
    QVERIFY(events.output().indexOf("alice", userAt + UserPrompt.size()) >= 0);
    QVERIFY2(!events.output().contains("s3cret"), events.output().constData());

    // Ctrl+C ends it as usual, with the terminal as it found it.
    QVERIFY(events.write("\x03"));
    QCOMPARE(events.waitForExit(QDeadlineTimer(WaitMs)), 0);
    QVERIFY2(!events.output().contains("cannot connect"), events.output().constData());
    const termios now = events.terminalSettings();
    QCOMPARE(now.c_lflag, events.settingsAtStart().c_lflag);
    QCOMPARE(now.c_iflag, events.settingsAtStart().c_iflag);
}

void tst_QtEventsCredentials::readsPipedAnswers()
{
    // A wrong password: the failure is libvirt's verdict on the answers,
    // which proves they reached it, and comes at once.
    ConsoleProcess events;
    const QString log = QStringLiteral("pipe.log");
    QCOMPARE(events.start(qtEventsPath, {QStringLiteral("-c"), m_uri, QStringLiteral("--loop")},
                          ConsoleProcess::Input::Pipe, environment(log)),
             QString());
    QVERIFY(events.write("alice\nwrong\n"));
    QCOMPARE(events.waitForExit(QDeadlineTimer(WaitMs)), 1);
    QVERIFY2(events.output().contains(UserPrompt), events.output().constData());
    QVERIFY2(events.output().contains(PasswordPrompt), events.output().constData());
    QVERIFY2(events.output().contains("cannot connect"), events.output().constData());
    QVERIFY2(logSays(log, "authentication failed"), events.output().constData());
}

void tst_QtEventsCredentials::failsAtOnceWhenInputEnds()
{
    ConsoleProcess events;
    QCOMPARE(events.start(qtEventsPath, {QStringLiteral("-c"), m_uri, QStringLiteral("--loop")},
                          ConsoleProcess::Input::Pipe, environment(QStringLiteral("eof.log"))),
             QString());
    events.closeInput();
    QCOMPARE(events.waitForExit(QDeadlineTimer(WaitMs)), 1);
    QVERIFY2(events.output().contains("cannot connect"), events.output().constData());
}

QTEST_GUILESS_MAIN(tst_QtEventsCredentials)
#include "tst_qteventscredentials.moc"
