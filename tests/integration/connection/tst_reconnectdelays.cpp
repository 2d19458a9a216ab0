// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection's reconnect delays at their extremes. The connection goes
// through a proxy socket of this test (RpcCutter) to the testbed daemon;
// cutting everything removes the socket, so every reconnect attempt fails at
// once and each one shows as an errorOccurred().

#include "integrationsupport.h"
#include "rpccutter.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QUrlQuery>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <limits>

using namespace std::chrono_literals;
using ms = std::chrono::milliseconds;

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

constexpr ms MinimumDelay = 100ms;
constexpr ms MaximumDelay{std::numeric_limits<int>::max()};

} // namespace

class tst_ReconnectDelays : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void delaysAreClamped_data();
    void delaysAreClamped();
    void zeroDelaysDoNotSpin();
    void delayBeyondTimerRangeDoesNotWrapAround();

private:
    // Opens conn through a new proxy, then cuts everything: conn is lost and
    // its reconnect attempts find no socket. False on failure, after failing
    // the test.
    bool openAndLose(QVirtConnection *conn);

    QString m_daemonSocket;
    std::unique_ptr<RpcCutter> m_cutter;
};

void tst_ReconnectDelays::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    const QUrl uri(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI")));
    m_daemonSocket = QUrlQuery(uri).queryItemValue(QStringLiteral("socket"));
    QVERIFY2(QFileInfo::exists(m_daemonSocket), qPrintable(uri.toString()));
}

void tst_ReconnectDelays::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_ReconnectDelays::cleanup()
{
    m_cutter.reset();
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

bool tst_ReconnectDelays::openAndLose(QVirtConnection *conn)
{
    m_cutter = std::make_unique<RpcCutter>(m_daemonSocket);
    [&] { QVERIFY2(m_cutter->isListening(), qPrintable(m_cutter->errorString())); }();
    if (QTest::currentTestFailed())
        return false;
    const QString path = m_cutter->socketPath();
    QSignalSpy closed(conn, &QVirtConnection::closed);
    conn->open(QStringLiteral("test+unix:///default?socket=") + path);
    [&] {
        QTRY_VERIFY2_WITH_TIMEOUT(conn->state() != QVirtConnection::State::Opening,
                                  qPrintable(path), 20000);
        QVERIFY2(conn->isOpen(), qPrintable(conn->errorString()));
        m_cutter->cutAll();
        QVERIFY(!QFileInfo::exists(path));
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        QCOMPARE(conn->state(), QVirtConnection::State::Reconnecting);
    }();
    return !QTest::currentTestFailed();
}

void tst_ReconnectDelays::delaysAreClamped_data()
{
    QTest::addColumn<qint64>("initial");
    QTest::addColumn<qint64>("maximum");
    QTest::addColumn<qint64>("expectedInitial");
    QTest::addColumn<qint64>("expectedMaximum");

    const qint64 minimum = MinimumDelay.count();
    const qint64 limit = MaximumDelay.count();
    const qint64 days30 = ms(std::chrono::hours(24 * 30)).count();
    const qint64 days40 = ms(std::chrono::hours(24 * 40)).count();
    QTest::newRow("zero") << qint64(0) << qint64(0) << minimum << minimum;
    QTest::newRow("negative") << qint64(-5) << qint64(-1) << minimum << minimum;
    QTest::newRow("below minimum") << qint64(1) << qint64(50) << minimum << minimum;
    QTest::newRow("maximum below initial")
        << qint64(250) << qint64(100) << qint64(250) << qint64(250);
    QTest::newRow("ordinary") << qint64(500) << qint64(20000) << qint64(500) << qint64(20000);
    QTest::newRow("timer limit") << limit << limit << limit << limit;
    QTest::newRow("maximum beyond timer limit") << qint64(1000) << days40 << qint64(1000) << limit;
    QTest::newRow("both beyond timer limit") << days30 << days40 << limit << limit;
}

// setReconnectDelays() took any value: 0 ms made the
// reconnect timer fire on every loop pass, and more than QTimer's range
// (2^31 - 1 ms, about 24.8 days) was later cut to an int. Both limits are now
// clamped, and the getters report what is in effect.
void tst_ReconnectDelays::delaysAreClamped()
{
    QFETCH(qint64, initial);
    QFETCH(qint64, maximum);
    QFETCH(qint64, expectedInitial);
    QFETCH(qint64, expectedMaximum);
    QVirtConnection conn;
    conn.setReconnectDelays(ms(initial), ms(maximum));
    QCOMPARE(qint64(conn.reconnectInitialDelay().count()), expectedInitial);
    QCOMPARE(qint64(conn.reconnectMaximumDelay().count()), expectedMaximum);
}

// With both delays at 0 ms, a lost connection whose
// daemon socket is gone was reopened in a tight loop, thousands of failed
// attempts a second, each a pool task and a libvirt error. The delays are
// clamped to at least 100 ms, so attempts come at most ten times a second.
void tst_ReconnectDelays::zeroDelaysDoNotSpin()
{
    QVirtConnection conn;
    conn.setAutoReconnect(true);
    conn.setReconnectDelays(0ms, 0ms);
    QSignalSpy attempts(&conn, &QVirtConnection::errorOccurred);
    QVERIFY(openAndLose(&conn));
    attempts.clear();

    QElapsedTimer window;
    window.start();
    QTest::qWait(1500);
    const qint64 elapsed = window.elapsed();
    const qsizetype count = attempts.size();
    qInfo("%lld failed reconnect attempts in %lld ms", qint64(count), elapsed);
    QCOMPARE(conn.state(), QVirtConnection::State::Reconnecting);
    // Every attempt failed for the missing socket, and they keep coming...
    QVERIFY2(count >= 2, qPrintable(QString::number(count)));
    // ...no faster than one per minimum delay, plus one for the window's edges.
    QVERIFY2(count <= elapsed / MinimumDelay.count() + 1, qPrintable(QString::number(count)));
    conn.close();
}

// A delay beyond QTimer's range was handed to the timer
// cut to an int: 2^32 ms + 100 ms became 100 ms, so a connection told to
// wait for seven weeks reconnected at once (and other values became
// negative, which QTimer refuses, so the connection never reconnected).
// Clamped to the timer's range, the delay is about 24.8 days.
void tst_ReconnectDelays::delayBeyondTimerRangeDoesNotWrapAround()
{
    const ms wrapsTo100ms{(qint64(1) << 32) + 100};
    QVirtConnection conn;
    conn.setAutoReconnect(true);
    conn.setReconnectDelays(wrapsTo100ms, wrapsTo100ms);
    QSignalSpy attempts(&conn, &QVirtConnection::errorOccurred);
    QVERIFY(openAndLose(&conn));
    attempts.clear();

    QTest::qWait(1000);
    QCOMPARE(attempts.size(), 0);
    QCOMPARE(conn.state(), QVirtConnection::State::Reconnecting);
    QCOMPARE(qint64(conn.reconnectInitialDelay().count()), qint64(MaximumDelay.count()));
    QCOMPARE(qint64(conn.reconnectMaximumDelay().count()), qint64(MaximumDelay.count()));
    conn.close();
}

QTEST_GUILESS_MAIN(tst_ReconnectDelays)
#include "tst_reconnectdelays.moc"
