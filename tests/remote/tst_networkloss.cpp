// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The link to the testbed's
// remote host goes down (scripts/testbed net-down takes the remote end of
// its veth pair down) under an open QVirtConnection. Over a Unix socket a lost daemon is a
// hang-up at once; over a network, a link that is gone sends nothing at
// all, neither an answer nor a reset, so only keepalive can notice, and an
// application must neither wait for TCP's minutes-long retransmission
// timeout nor freeze its GUI thread while libvirt gives up. Once the link is
// back, autoReconnect must bring the connection, and with it the event
// registrations, back on its own.

#include "connectiontestsupport.h"
#include "heartbeat.h"
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QElapsedTimer>
#include <QtCore/QProcess>
#include <QtCore/QScopeGuard>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <chrono>

using namespace QtVirtIntegration;
using namespace QtVirtConnectionTest;
using Reason = QVirtConnection::CloseReason;

namespace {

constexpr int KeepaliveInterval = 1; // seconds
constexpr int KeepaliveCount = 3;
// The bound: libvirt gives up after interval * (count + 1) = 4 s
// without a message from the daemon; closed() may come a second later.
constexpr qint64 CloseDeadlineMs = 5000;
// The GUI thread must never stall longer than this meanwhile.
constexpr double StallBudgetMs = 50;
constexpr int ScriptTimeoutMs = 60000;

void ignoreLibvirtError(void *, virErrorPtr) { }

QString testbedScript()
{
    return QStringLiteral(QTVIRT_SOURCE_DIR "/scripts/testbed");
}

// Runs `scripts/testbed net-up` and waits for it, whatever the state of the
// link: every way out of a test leaves the link up for the next one.
QString bringNetworkUp()
{
    QProcess testbed;
    testbed.start(QStringLiteral("bash"), {testbedScript(), QStringLiteral("net-up")});
    if (!testbed.waitForFinished(ScriptTimeoutMs) || testbed.exitStatus() != QProcess::NormalExit
        || testbed.exitCode() != 0)
        return QStringLiteral("scripts/testbed net-up failed: ")
            + QString::fromLocal8Bit(testbed.readAllStandardError());
    return QString();
}

} // namespace

class tst_NetworkLoss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void keepaliveNoticesLinkLossAndReconnectBringsEventsBack();
};

void tst_NetworkLoss::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    // Reconnect attempts fail while the link is down; libvirt would print
    // each failure to stderr.
    virSetErrorFunc(nullptr, ignoreLibvirtError);
}

void tst_NetworkLoss::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_NetworkLoss::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

// Network loss: with keepalive 1 s x 3, the link going down is
// reported as closed(Keepalive) within 5 s, while a heartbeat timer in the
// GUI thread never comes more than 50 ms late; after the link is up again,
// autoReconnect opens the connection again and a lifecycle event caused
// after that arrives, so the event registration came back too.
void tst_NetworkLoss::keepaliveNoticesLinkLossAndReconnectBringsEventsBack()
{
    using std::chrono::milliseconds;
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TLS_TEST_URI");
    QVERIFY(!uri.isEmpty());

    QVirtConnection conn;
    conn.setKeepAliveInterval(KeepaliveInterval);
    conn.setKeepAliveCount(KeepaliveCount);
    conn.setAutoReconnect(true);
    // Short delays: the reconnect is to follow net-up within the test's budget.
    conn.setReconnectDelays(milliseconds(300), milliseconds(1000));
    const LifecycleSignalRecorder recorder(&conn);
    QVERIFY2(conn.openBlocking(QString::fromUtf8(uri)), qPrintable(conn.errorString()));
    QSignalSpy closed(&conn, &QVirtConnection::closed);
    QSignalSpy reconnected(&conn, &QVirtConnection::reconnected);
    QElapsedTimer clock;
    qint64 closedAtMs = -1;
    connect(&conn, &QVirtConnection::closed, this, [&] {
        if (closedAtMs < 0)
            closedAtMs = clock.elapsed();
    });

    const auto linkUp = qScopeGuard([] {
        const QString failure = bringNetworkUp();
        if (!failure.isEmpty())
            qFatal("%s", qPrintable(failure));
    });
    // net-down runs while the event loop goes on. The clock starts before
    // the script does, so the time to closed() is an upper bound of the time
    // from the loss.
    QProcess netDown;
    netDown.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    clock.start();
    netDown.start(QStringLiteral("bash"), {testbedScript(), QStringLiteral("net-down")});
    Heartbeat heartbeat;
    heartbeat.start();
    QTRY_VERIFY_WITH_TIMEOUT(netDown.state() == QProcess::NotRunning, ScriptTimeoutMs);
    QCOMPARE(netDown.exitStatus(), QProcess::NormalExit);
    QCOMPARE(netDown.exitCode(), 0);
    const qint64 linkDownAtMs = clock.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 4 * CloseDeadlineMs);
    // A while longer: closed() starts the teardown and the first reconnect
    // attempt, which fails against the missing route.
    QTest::qWait(500);
    heartbeat.stop();
    qInfo("link down %lld ms, closed() %lld ms after net-down started; heartbeat: %d beats, "
          "worst lateness %.1f ms, %.1f ms without run-queue waits",
          linkDownAtMs, closedAtMs, heartbeat.beats(), heartbeat.worstLatenessMs(),
          heartbeat.worstStallMs());

    QCOMPARE(closed.at(0).at(0).value<Reason>(), Reason::Keepalive);
    QVERIFY2(closedAtMs <= CloseDeadlineMs, qPrintable(QString::number(closedAtMs)));
    const double stall
        = heartbeat.worstStallMs() >= 0 ? heartbeat.worstStallMs() : heartbeat.worstLatenessMs();
    QVERIFY2(stall <= StallBudgetMs,
             qPrintable(QStringLiteral("the GUI thread stalled %1 ms").arg(stall)));
    QCOMPARE(reconnected.size(), 0);

    const QString upFailure = bringNetworkUp();
    QVERIFY2(upFailure.isEmpty(), qPrintable(upFailure));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 10000);
    QCOMPARE(conn.state(), QVirtConnection::State::Open);

    // A lifecycle caused on the remote test driver by another client after
    // the reconnect reaches the reconnected QVirtConnection, every event once.
    const Connection other(virConnectOpen(uri.constData()));
    QVERIFY2(other, qPrintable(lastError()));
    const QByteArray name = uniqueDomainName("netloss");
    const QString failure = runLifecycle(other.get(), name);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events(), lifecycleEvents(name), 10000);
    QTest::qWait(200);
    QCOMPARE(recorder.events(), lifecycleEvents(name));
    QCOMPARE(closed.size(), 1);
}

QTEST_GUILESS_MAIN(tst_NetworkLoss)
#include "tst_networkloss.moc"
