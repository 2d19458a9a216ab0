// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The qt-events and qt-console examples against the testbed's remote host.
//
// qt-events: the example against the testbed's
// remote host over each transport a user has, qemu+tls://, qemu+ssh:// and
// qemu+libssh:// (here with the test driver). Its other tests use a local
// socket or a driver inside the process, so nothing showed that the example
// works where users point it: through a TLS session, through OpenSSH's
// client as libvirt's child process (which must not take the terminal
// qt-events runs in), or with libssh, whose password question arrives
// through libvirt's authentication callback and must be asked on the
// terminal by qt-events, then answered by the user. Each row starts
// qt-events on a pseudo-terminal, answers what it asks, causes a domain's
// lifecycle on the remote test driver through the remote daemon's own Unix
// socket and expects qt-events to print the events in virsh's format.

#include "consoleprocess.h"
#include "guestshell.h"
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtCore/QFile>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtTest/QTest>

using namespace QtVirtIntegration;

namespace {

const QString qtEventsPath = QStringLiteral(QTVIRT_QT_EVENTS_PATH);
const QString qtConsolePath = QStringLiteral(QTVIRT_QT_CONSOLE_PATH);

constexpr int WaitMs = 20000;

void ignoreLibvirtError(void *, virErrorPtr) { }

// The testbed guest's definition (QTVIRT_TESTBED_DOMAIN on the local QEMU
// driver) for a transient copy named name on the remote host: the same
// kernel and initramfs, without the UUID and the serial log file, which
// belong to the local guest.
QByteArray remoteGuestXml(const QByteArray &name, QString *failure)
{
    const Connection local(virConnectOpen(QtVirtTest::testbedValue("QTVIRT_QEMU_URI").constData()));
    if (!local) {
        *failure = lastError();
        return QByteArray();
    }
    return guestCopyXml(local.get(), QtVirtTest::testbedValue("QTVIRT_TESTBED_DOMAIN"), name,
                        failure)
        .toUtf8();
}

} // namespace

class tst_RemoteExamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void printsEventsOfRemoteHost_data();
    void printsEventsOfRemoteHost();
    void consoleWorksOverRemoteUri_data();
    void consoleWorksOverRemoteUri();

private:
    // The guest on the remote host's QEMU driver, started by the first
    // console row (it boots in seconds) and destroyed with the test.
    Connection m_remote;
    Domain m_remoteGuest;
    QByteArray m_remoteGuestName;
};

void tst_RemoteExamples::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY2(QFile::exists(qtEventsPath), qPrintable(qtEventsPath));
    QVERIFY2(QFile::exists(qtConsolePath), qPrintable(qtConsolePath));
    virSetErrorFunc(nullptr, ignoreLibvirtError);
}

void tst_RemoteExamples::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_RemoteExamples::printsEventsOfRemoteHost_data()
{
    QTest::addColumn<QByteArray>("uriName");
    // libssh asks for the password on the terminal; the others ask nothing.
    QTest::addColumn<bool>("asksPassword");
    QTest::newRow("tls") << QByteArray("QTVIRT_TLS_TEST_URI") << false;
    QTest::newRow("ssh") << QByteArray("QTVIRT_SSH_TEST_URI") << false;
    QTest::newRow("libssh") << QByteArray("QTVIRT_LIBSSH_TEST_URI") << true;
}

void tst_RemoteExamples::printsEventsOfRemoteHost()
{
    QFETCH(QByteArray, uriName);
    QFETCH(bool, asksPassword);
    const QByteArray uri = QtVirtTest::testbedValue(uriName.constData());
    QVERIFY(!uri.isEmpty());
    // The events are caused through the remote daemon's Unix socket, the
    // one the SSH URIs name.
    const QUrlQuery sshQuery(
        QUrl(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_SSH_TEST_URI"))));
    const QString socket = sshQuery.queryItemValue(QStringLiteral("socket"), QUrl::FullyDecoded);
    QVERIFY(!socket.isEmpty());
    const Connection other(
        virConnectOpen(QByteArray("test+unix:///default?socket=" + socket.toUtf8()).constData()));
    QVERIFY2(other, qPrintable(lastError()));

    ConsoleProcess events;
    QCOMPARE(events.start(qtEventsPath,
                          {QStringLiteral("-c"), QString::fromUtf8(uri), QStringLiteral("--loop")},
                          ConsoleProcess::Input::Terminal,
                          {{"LC_ALL", "C"}, {"LANG", {}}, {"LANGUAGE", {}}}),
             QString());
    if (asksPassword) {
        QFile file(QString::fromLocal8Bit(QtVirtTest::testbedValue("QTVIRT_SSH_PASSWORD_FILE")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray password = file.readAll().trimmed();
        const QByteArray prompt
            = "Enter qtvirt's password for " + QUrl(QString::fromUtf8(uri)).host().toUtf8();
        QVERIFY2(events.waitFor(prompt, 0, QDeadlineTimer(WaitMs)) >= 0,
                 events.output().constData());
        QVERIFY(events.write(password + '\r'));
    }

    // qt-events prints nothing when it has connected, so lifecycles are
    // caused until one is printed (a domain of its own each time), and the
    // one printed must be printed whole, in order.
    QByteArray name;
    QByteArray started;
    qsizetype at = -1;
    for (int attempt = 0; attempt < 20 && at < 0; ++attempt) {
        name = uniqueDomainName("qtevents") + QByteArray::number(attempt);
        const QString failure = runLifecycle(other.get(), name);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        started = "event 'lifecycle' for domain '" + name + "': Started Booted";
        at = events.waitFor(started, 0, QDeadlineTimer(1000));
        QVERIFY2(events.isRunning(), events.output().constData());
    }
    QVERIFY2(at >= 0, events.output().constData());
    const QByteArray undefined = "event 'lifecycle' for domain '" + name + "': Undefined Removed";
    QVERIFY2(events.waitFor(undefined, at, QDeadlineTimer(WaitMs)) > at,
             events.output().constData());
    QVERIFY2(!events.output().contains("cannot connect"), events.output().constData());

    // Ctrl+C ends it as usual.
    QVERIFY(events.write("\x03"));
    QCOMPARE(events.waitForExit(QDeadlineTimer(WaitMs)), 0);
}

void tst_RemoteExamples::consoleWorksOverRemoteUri_data()
{
    QTest::addColumn<QByteArray>("uriName");
    QTest::addColumn<int>("factor");
    QTest::newRow("tls") << QByteArray("QTVIRT_TLS_URI") << 7;
    QTest::newRow("ssh") << QByteArray("QTVIRT_SSH_URI") << 8;
}

void tst_RemoteExamples::consoleWorksOverRemoteUri()
{
    using namespace GuestShell;
    QFETCH(QByteArray, uriName);
    QFETCH(int, factor);
    const QByteArray uri = QtVirtTest::testbedValue(uriName.constData());
    QVERIFY(!uri.isEmpty());
    if (!m_remoteGuest) {
        m_remote.reset(virConnectOpen(QtVirtTest::testbedValue("QTVIRT_TLS_URI").constData()));
        QVERIFY2(m_remote, qPrintable(lastError()));
        m_remoteGuestName = uniqueDomainName("console");
        QString failure;
        const QByteArray xml = remoteGuestXml(m_remoteGuestName, &failure);
        QVERIFY2(!xml.isEmpty(), qPrintable(failure));
        m_remoteGuest.reset(virDomainCreateXML(m_remote.get(), xml.constData(), 0));
        QVERIFY2(m_remoteGuest, qPrintable(lastError()));
    }

    ConsoleProcess console;
    QCOMPARE(console.start(qtConsolePath,
                           {QStringLiteral("-c"), QString::fromUtf8(uri), QStringLiteral("--force"),
                            QString::fromUtf8(m_remoteGuestName)},
                           ConsoleProcess::Input::Terminal,
                           {{"LC_ALL", "C"}, {"LANG", {}}, {"LANGUAGE", {}}}),
             QString());
    QVERIFY2(console.waitFor("Escape character is ^].", 0, QDeadlineTimer(ReplyMs)) >= 0,
             console.output().constData());
    QVERIFY2(waitForPrompt(console), console.output().right(400).constData());
    // The answer is computed in the guest, so that it is not the echo of
    // what was typed.
    const QByteArray answer = "hello-" + QByteArray::number(6 * factor);
    QVERIFY2(
        runInGuest(console, "echo hel\"\"lo-$((6*" + QByteArray::number(factor) + "))", answer),
        console.output().right(400).constData());

    QVERIFY(console.write("\x1d"));
    QCOMPARE(console.waitForExit(QDeadlineTimer(ReplyMs)), 0);
}

void tst_RemoteExamples::cleanupTestCase()
{
    if (m_remoteGuest)
        QCOMPARE(virDomainDestroy(m_remoteGuest.get()), 0);
}

QTEST_GUILESS_MAIN(tst_RemoteExamples)
#include "tst_remoteexamples.moc"
