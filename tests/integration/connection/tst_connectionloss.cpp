// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection when the testbed daemon dies, freezes or restarts.
// Every test leaves the daemon running and thawed for the next one.

#include "connectiontestsupport.h"
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QElapsedTimer>
#include <QtCore/QScopeGuard>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <csignal>

using namespace QtVirtIntegration;
using namespace QtVirtConnectionTest;
using Reason = QVirtConnection::CloseReason;

namespace {

constexpr int KeepaliveInterval = 1; // seconds
constexpr int KeepaliveCount = 2;
constexpr qint64 KeepaliveDeadlineMs = (KeepaliveInterval * (KeepaliveCount + 1) + 2) * 1000;
constexpr qint64 KillDeadlineMs = 2000;

void ignoreLibvirtError(void *, virErrorPtr) { }

// How long after `since` the first closed() in spy arrived, or -1.
struct CloseWatch
{
    explicit CloseWatch(QVirtConnection *conn)
        : spy(conn, &QVirtConnection::closed)
    {
        QObject::connect(conn, &QVirtConnection::closed, conn, [this] {
            if (elapsedMs < 0)
                elapsedMs = since.elapsed();
        });
    }
    QSignalSpy spy;
    QElapsedTimer since;
    qint64 elapsedMs = -1;
};

} // namespace

class tst_ConnectionLoss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void killedDaemonClosesWithEofOrErrorWithinTwoSeconds();
    void frozenDaemonClosesWithKeepaliveInTime();
    void restartedDaemonReconnectsAndEventsFlowAgain();

private:
    QString m_uri;
};

void tst_ConnectionLoss::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    QVERIFY(!m_uri.isEmpty());
}

void tst_ConnectionLoss::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_ConnectionLoss::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_ConnectionLoss::killedDaemonClosesWithEofOrErrorWithinTwoSeconds()
{
    const auto daemon = static_cast<pid_t>(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));
    CloseWatch watch(&conn);

    // The daemon comes back for the next test whatever happens here.
    const auto restart = qScopeGuard([] {
        const QString failure = QtVirtTest::restartTestbedDaemon();
        if (!failure.isEmpty())
            qFatal("%s", qPrintable(failure));
    });
    watch.since.start();
    QCOMPARE(::kill(daemon, SIGKILL), 0);
    QTRY_COMPARE_WITH_TIMEOUT(watch.spy.size(), 1, 3 * KillDeadlineMs);
    qInfo("closed() %lld ms after SIGKILL", watch.elapsedMs);

    const auto reason = watch.spy.at(0).at(0).value<Reason>();
    QVERIFY2(reason == Reason::Eof || reason == Reason::Error,
             QMetaEnum::fromType<Reason>().valueToKey(static_cast<int>(reason)));
    QVERIFY2(watch.elapsedMs <= KillDeadlineMs, qPrintable(QString::number(watch.elapsedMs)));
    QCOMPARE(conn.state(), QVirtConnection::State::Closed);
    QCOMPARE(conn.handle(), nullptr);
}

void tst_ConnectionLoss::frozenDaemonClosesWithKeepaliveInTime()
{
    const auto daemon = static_cast<pid_t>(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    QVirtConnection conn;
    QCOMPARE(conn.keepAliveInterval(), 5); // on by default
    conn.setKeepAliveInterval(KeepaliveInterval);
    conn.setKeepAliveCount(KeepaliveCount);
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));
    CloseWatch watch(&conn);
    {
        // SIGCONT on every way out of this scope, and from a watchdog
        // should this process die.
        const ProcessFreeze freeze(daemon);
        QVERIFY2(freeze.isFrozen(), qPrintable(freeze.errorString()));
        watch.since.start();
        QTRY_COMPARE_WITH_TIMEOUT(watch.spy.size(), 1, 3 * KeepaliveDeadlineMs);
    }
    qInfo("closed() %lld ms after SIGSTOP", watch.elapsedMs);
    QCOMPARE(watch.spy.at(0).at(0).value<Reason>(), Reason::Keepalive);
    QVERIFY2(watch.elapsedMs <= KeepaliveDeadlineMs, qPrintable(QString::number(watch.elapsedMs)));
    QCOMPARE(conn.state(), QVirtConnection::State::Closed);

    // The thawed daemon takes new connections.
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));
}

void tst_ConnectionLoss::restartedDaemonReconnectsAndEventsFlowAgain()
{
    QVirtConnection conn;
    conn.setAutoReconnect(true);
    conn.setReconnectDelays(std::chrono::milliseconds(100), std::chrono::milliseconds(1000));
    LifecycleSignalRecorder recorder(&conn);
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));
    QSignalSpy closed(&conn, &QVirtConnection::closed);
    QSignalSpy reconnected(&conn, &QVirtConnection::reconnected);
    QList<QVirtConnection::State> states;
    connect(&conn, &QVirtConnection::stateChanged, this,
            [&](QVirtConnection::State state) { states.append(state); });
    // Failed attempts while the daemon is down report their error.
    QSignalSpy errors(&conn, &QVirtConnection::errorOccurred);

    const QString failure = QtVirtTest::restartTestbedDaemon();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 30000);
    QCOMPARE(closed.size(), 1);
    const auto reason = closed.at(0).at(0).value<Reason>();
    QVERIFY(reason == Reason::Eof || reason == Reason::Error);
    QCOMPARE(states.first(), QVirtConnection::State::Reconnecting);
    QCOMPARE(states.last(), QVirtConnection::State::Open);
    QVERIFY(conn.isOpen());

    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("reconnect"));
    const Connection raw = openTestConnection();
    QVERIFY(raw);
    const QString lifecycle = runLifecycle(raw.get(), name);
    QVERIFY2(lifecycle.isEmpty(), qPrintable(lifecycle));
    QTRY_COMPARE(recorder.events(), lifecycleEvents(name));
}

QTEST_GUILESS_MAIN(tst_ConnectionLoss)
#include "tst_connectionloss.moc"
