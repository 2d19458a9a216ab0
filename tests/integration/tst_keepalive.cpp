// SPDX-License-Identifier: LGPL-2.1-or-later
//
// libvirt's keepalive, whose pings, pongs and deadline all run on the Qt
// event loop, against the testbed daemon.

#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QElapsedTimer>
#include <QtTest/QTest>

#include <memory>

using namespace QtVirtIntegration;

namespace {

constexpr int KeepaliveInterval = 1; // seconds
constexpr int KeepaliveCount = 2;
// libvirt gives up after interval * (count + 1) seconds without an answer;
// two more for the scheduling of a loaded machine.
constexpr qint64 CloseDeadlineMs = (KeepaliveInterval * (KeepaliveCount + 1) + 2) * 1000;

} // namespace

class tst_Keepalive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void keepaliveConnectionSurvivesRunningLoop();
    void keepaliveClosesFrozenDaemonConnection();
};

void tst_Keepalive::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
}

void tst_Keepalive::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_Keepalive::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_Keepalive::keepaliveConnectionSurvivesRunningLoop()
{
    const Connection conn = openTestConnection();
    QVERIFY(conn);
    QCOMPARE(virConnectSetKeepAlive(conn.get(), KeepaliveInterval, KeepaliveCount), 0);
    const CloseRecorder closes(conn.get());
    QVERIFY2(closes.isRegistered(), qPrintable(lastError()));

    // Over three times the give-up time: the connection lives only if the
    // loop sends the pings and reads the answers all along. (That the
    // deadline is enforced at all is keepaliveClosesFrozenDaemonConnection.)
    QTest::qWait(10000);

    QCOMPARE(closes.count(), 0);
    QCOMPARE(virConnectIsAlive(conn.get()), 1);
    unsigned long version = 0;
    QVERIFY2(virConnectGetLibVersion(conn.get(), &version) == 0, qPrintable(lastError()));
    QVERIFY(version > 0);
}

void tst_Keepalive::keepaliveClosesFrozenDaemonConnection()
{
    const auto daemon = static_cast<pid_t>(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    Connection conn = openTestConnection();
    QVERIFY(conn);
    QCOMPARE(virConnectSetKeepAlive(conn.get(), KeepaliveInterval, KeepaliveCount), 0);
    auto closes = std::make_unique<CloseRecorder>(conn.get());
    QVERIFY2(closes->isRegistered(), qPrintable(lastError()));

    qint64 closedAfterMs = -1;
    {
        // Made after the connection, so that SIGCONT comes before the close
        // on every way out: closing a live connection is a round trip.
        const ProcessFreeze freeze(daemon);
        QVERIFY2(freeze.isFrozen(), qPrintable(freeze.errorString()));
        QElapsedTimer sinceFreeze;
        sinceFreeze.start();
        QTRY_COMPARE_WITH_TIMEOUT(closes->count(), 1, 3 * CloseDeadlineMs);
        closedAfterMs = sinceFreeze.elapsed();
    }
    qInfo("close callback %lld ms after SIGSTOP", closedAfterMs);

    QCOMPARE(closes->lastReason(), static_cast<int>(VIR_CONNECT_CLOSE_REASON_KEEPALIVE));
    QCOMPARE(closes->callbacksOutsideMainThread(), 0);
    QVERIFY2(closedAfterMs <= CloseDeadlineMs,
             qPrintable(QStringLiteral("closed after %1 ms").arg(closedAfterMs)));
    QCOMPARE(virConnectIsAlive(conn.get()), 0);

    closes.reset();
    conn.reset();
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));

    const Connection fresh = openTestConnection();
    QVERIFY(fresh);
    unsigned long version = 0;
    QVERIFY2(virConnectGetLibVersion(fresh.get(), &version) == 0, qPrintable(lastError()));
}

QTEST_GUILESS_MAIN(tst_Keepalive)
#include "tst_keepalive.moc"
