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
#include <QtCore/QProcess>
#include <QtCore/QScopeGuard>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>
#include <chrono>
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

// This test once restarted the daemon with a call that
// blocked the event loop for the whole outage, so QVirtConnection only ever
// saw the loss and then a daemon that was already back: no reconnect attempt
// failed, the backoff between attempts was never exercised, and the errors
// of failed attempts were never checked. Now the daemon is killed and the
// loop keeps running while it is down, so that attempts fail against the
// dead socket; the restart runs as a separate process while the loop runs.
// Each failed attempt reports errorOccurred(); the time from the loss to the
// first error, and between consecutive errors, is at least the delay the
// backoff promises for that attempt (initial, then doubling), so constant or
// missing delays fail here. Then the reconnect succeeds and events flow.
void tst_ConnectionLoss::restartedDaemonReconnectsAndEventsFlowAgain()
{
    using std::chrono::milliseconds;
    constexpr milliseconds InitialDelay(300);
    constexpr milliseconds MaximumDelay(2400);
    constexpr int FailedAttemptsBeforeRestart = 3;

    const auto daemon = static_cast<pid_t>(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    QVirtConnection conn;
    conn.setAutoReconnect(true);
    conn.setReconnectDelays(InitialDelay, MaximumDelay);
    LifecycleSignalRecorder recorder(&conn);
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));
    QSignalSpy closed(&conn, &QVirtConnection::closed);
    QSignalSpy reconnected(&conn, &QVirtConnection::reconnected);
    QList<QVirtConnection::State> states;
    connect(&conn, &QVirtConnection::stateChanged, this,
            [&](QVirtConnection::State state) { states.append(state); });
    // When the loss and each failed attempt arrived, from one clock.
    QElapsedTimer clock;
    clock.start();
    qint64 closedAt = -1;
    QList<qint64> errorsAt;
    QStringList errors;
    connect(&conn, &QVirtConnection::closed, this, [&] { closedAt = clock.elapsed(); });
    connect(&conn, &QVirtConnection::errorOccurred, this, [&](QVirtConnection::Error error) {
        errorsAt.append(clock.elapsed());
        errors.append(conn.errorString());
        // No daemon behind the socket: the attempt could not open.
        QCOMPARE(error, QVirtConnection::OpenError);
    });

    QProcess restart;
    bool restartStarted = false;
    // The daemon comes back for the next test whatever happens here.
    const auto ensureDaemon = qScopeGuard([&restart, &restartStarted] {
        if (restartStarted && restart.state() != QProcess::NotRunning)
            restart.waitForFinished(60000);
        if (restartStarted && restart.state() == QProcess::NotRunning
            && restart.exitStatus() == QProcess::NormalExit && restart.exitCode() == 0)
            return;
        const QString failure = QtVirtTest::restartTestbedDaemon();
        if (!failure.isEmpty())
            qFatal("%s", qPrintable(failure));
    });

    QCOMPARE(::kill(daemon, SIGKILL), 0);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 3 * KillDeadlineMs);
    // The loop keeps running while the daemon is dead: attempts fail.
    QTRY_VERIFY_WITH_TIMEOUT(errorsAt.size() >= FailedAttemptsBeforeRestart, 30000);
    QCOMPARE(reconnected.size(), 0);
    QCOMPARE(conn.state(), QVirtConnection::State::Reconnecting);

    restart.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    restart.setStandardOutputFile(QProcess::nullDevice());
    restart.start(QStringLiteral(QTVIRT_SOURCE_DIR "/scripts/testbed"),
                  {QStringLiteral("restart-daemon")});
    restartStarted = restart.waitForStarted(10000);
    QVERIFY2(restartStarted, qPrintable(restart.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(restart.state(), QProcess::NotRunning, 60000);
    QCOMPARE(restart.exitStatus(), QProcess::NormalExit);
    QCOMPARE(restart.exitCode(), 0);

    QCOMPARE(closed.size(), 1);
    const auto reason = closed.at(0).at(0).value<Reason>();
    QVERIFY(reason == Reason::Eof || reason == Reason::Error);
    QCOMPARE(states.first(), QVirtConnection::State::Reconnecting);
    QCOMPARE(states.last(), QVirtConnection::State::Open);
    QVERIFY(conn.isOpen());

    // Every failed attempt said why, and came no earlier than its delay
    // after the previous event (Qt's coarse timers may fire up to 5 % early):
    // 300, 600, 1200 ms and so on, so the delays grew.
    for (const QString &error : std::as_const(errors))
        QVERIFY2(!error.isEmpty(), "a failed reconnect attempt reported an empty error");
    QVERIFY(closedAt >= 0);
    QString gaps;
    qint64 previous = closedAt;
    milliseconds delay = InitialDelay;
    for (const qint64 at : std::as_const(errorsAt)) {
        gaps += QString::number(at - previous) + QStringLiteral(" ms (delay ")
            + QString::number(delay.count()) + QStringLiteral(" ms); ");
        previous = at;
        delay = std::min(delay * 2, MaximumDelay);
    }
    qInfo("closed() at %lld ms; gaps before each failed attempt's error: %s", closedAt,
          qPrintable(gaps));
    previous = closedAt;
    delay = InitialDelay;
    for (const qint64 at : std::as_const(errorsAt)) {
        QVERIFY2(at - previous >= delay.count() * 95 / 100, qPrintable(gaps));
        previous = at;
        delay = std::min(delay * 2, MaximumDelay);
    }

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
