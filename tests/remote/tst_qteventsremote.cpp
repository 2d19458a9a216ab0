// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The qt-events example against the testbed's
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
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtCore/QFile>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtTest/QTest>

using namespace QtVirtIntegration;

namespace {

const QString qtEventsPath = QStringLiteral(QTVIRT_QT_EVENTS_PATH);

constexpr int WaitMs = 20000;

void ignoreLibvirtError(void *, virErrorPtr) { }

} // namespace

class tst_QtEventsRemote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void printsEventsOfRemoteHost_data();
    void printsEventsOfRemoteHost();
};

void tst_QtEventsRemote::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY2(QFile::exists(qtEventsPath), qPrintable(qtEventsPath));
    virSetErrorFunc(nullptr, ignoreLibvirtError);
}

void tst_QtEventsRemote::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_QtEventsRemote::printsEventsOfRemoteHost_data()
{
    QTest::addColumn<QByteArray>("uriName");
    // libssh asks for the password on the terminal; the others ask nothing.
    QTest::addColumn<bool>("asksPassword");
    QTest::newRow("tls") << QByteArray("QTVIRT_TLS_TEST_URI") << false;
    QTest::newRow("ssh") << QByteArray("QTVIRT_SSH_TEST_URI") << false;
    QTest::newRow("libssh") << QByteArray("QTVIRT_LIBSSH_TEST_URI") << true;
}

void tst_QtEventsRemote::printsEventsOfRemoteHost()
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

QTEST_GUILESS_MAIN(tst_QtEventsRemote)
#include "tst_qteventsremote.moc"
