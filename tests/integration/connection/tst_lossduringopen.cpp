// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A connection lost while it is being opened must be
// noticed.
//
// libvirt reports a lost connection only through the close callback, and
// only to a callback registered when the loss happens. QVirtConnection
// registered it on the connection's thread once the open worker had
// finished virConnectOpenAuth() and its virConnectGetType() and
// virConnectGetHostname() round trips. A daemon that went away in between
// left a dead connection in state Open for ever: no closed(), and
// autoReconnect never started.
//
// Killing the daemon from the test could not hit that window reliably (the
// worker thread runs at its own pace), so the loss is placed by protocol
// instead: RpcCutter, a proxy in front of the real daemon's socket, closes
// the client's connection the moment it asks for the hypervisor type, the
// first request after virConnectOpenAuth() succeeded. The open then returns
// a connection that libvirt already knows to be closed, every time.

#include "integrationsupport.h"
#include "rpccutter.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace QtVirtIntegration;
using State = QVirtConnection::State;

namespace {

// REMOTE_PROC_CONNECT_GET_TYPE of libvirt's remote protocol
// (docs/libvirt-calls.md, "Remote procedure numbers the tests watch").
constexpr quint32 ConnectGetType = 3;

void ignoreLibvirtError(void *, virErrorPtr) { }

} // namespace

class tst_LossDuringOpen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void lossRightAfterOpenIsReportedAndReconnects();

private:
    QString m_uri;
    QString m_socket;
};

void tst_LossDuringOpen::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    QVERIFY(!m_uri.isEmpty());
    m_socket = QUrlQuery(QUrl(m_uri)).queryItemValue(QStringLiteral("socket"));
    QVERIFY(!m_socket.isEmpty());
}

void tst_LossDuringOpen::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_LossDuringOpen::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_LossDuringOpen::lossRightAfterOpenIsReportedAndReconnects()
{
    RpcCutter cutter(m_socket, ConnectGetType);
    QVERIFY2(cutter.isListening(), qPrintable(cutter.errorString()));

    QVirtConnection conn;
    conn.setAutoReconnect(true);
    conn.setReconnectDelays(std::chrono::milliseconds(100), std::chrono::milliseconds(1000));
    QSignalSpy opened(&conn, &QVirtConnection::opened);
    QSignalSpy closed(&conn, &QVirtConnection::closed);
    QSignalSpy reconnected(&conn, &QVirtConnection::reconnected);
    QSignalSpy errors(&conn, &QVirtConnection::errorOccurred);
    QList<State> states;
    connect(&conn, &QVirtConnection::stateChanged, this,
            [&states](State state) { states.append(state); });

    conn.open(cutter.proxiedUri(m_uri));
    QTRY_VERIFY_WITH_TIMEOUT(cutter.hasCut(), 10000);
    // The open itself succeeded: the loss came after it.
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    // The loss is reported as such, and autoReconnect takes over: the
    // second attempt passes the proxy untouched.
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 10000);
    QCOMPARE(closed.at(0).at(0).value<QVirtConnection::CloseReason>(),
             QVirtConnection::CloseReason::Error);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(opened.size(), 2);
    // A reconnect attempt stays Reconnecting until it succeeds.
    const QList<State> expected{State::Opening, State::Open, State::Reconnecting, State::Open};
    QCOMPARE(states, expected);

    // What it reconnected to is alive and answers.
    QVERIFY(conn.isOpen());
    QCOMPARE(virConnectIsAlive(conn.handle()), 1);
    QCOMPARE(conn.hypervisorType(), QStringLiteral("TEST"));
    QVERIFY(!conn.hostName().isEmpty());
}

QTEST_GUILESS_MAIN(tst_LossDuringOpen)
#include "tst_lossduringopen.moc"
