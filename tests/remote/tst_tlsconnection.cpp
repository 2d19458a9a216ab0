// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection against the testbed's
// remote host, a second libvirtd in a network namespace of its own that the
// host reaches over a veth pair and TLS only, with certificates of a
// private CA (scripts/testbed-remote.bash, docs/testbed.md). Until now every
// test talked to a daemon over a Unix socket, so nothing showed that an
// open over TLS works from a worker thread at all, nor that a server the
// client must not trust is refused with libvirt's reason, at once, and
// never answered by an unverified connection.

#include "connectiontestsupport.h"
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QElapsedTimer>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <atomic>
#include <clocale>
#include <thread>

namespace {

// A TLS handshake on this machine takes milliseconds; a refused one must
// not wait for any timeout (libvirt has none for it: a hang would be
// forever), so anything near this bound is already a defect.
constexpr qint64 RefusalDeadlineMs = 5000;
constexpr int OpenTimeoutMs = 20000;
// Lifecycle pairs caused for the flood over TLS: a burst far beyond a busy
// host's, so that a lost or doubled event cannot hide.
constexpr int FloodPairs = 2000;

void ignoreLibvirtError(void *, virErrorPtr) { }

} // namespace

class tst_TlsConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensQemuDriverOverTls();
    void opensTestDriverOverTls();
    void refusesServerOfAnotherCa();
    void refusesServerAtAnAddressItsCertificateDoesNotName();
    void refusesServerWithExpiredCertificate();
    void refusesToUseExpiredClientCertificate();
    void floodOfLifecycleEventsArrivesComplete();

private:
    // Opens uri and expects it to be refused quickly, as error, with
    // libvirt's message containing message, and nothing opened.
    void expectRefusal(const QByteArray &uri, QLatin1String message, QVirtConnection::Error error);
    // The refusal of a server certificate the client must not trust.
    void expectCertificateRefusal(const QByteArray &uri);
};

void tst_TlsConnection::initTestCase()
{
    // libvirt translates its messages, and the refusals are checked by
    // their text. Set before any thread of libvirt's or ours runs.
    std::setlocale(LC_MESSAGES, "C"); // NOLINT(concurrency-mt-unsafe)
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    // Refused opens are expected here; libvirt would print each to stderr.
    virSetErrorFunc(nullptr, ignoreLibvirtError);
}

void tst_TlsConnection::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_TlsConnection::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

// TLS: qemu+tls:// opens through QVirtConnection's worker thread,
// the connection is encrypted, and calls and keepalive run over it.
void tst_TlsConnection::opensQemuDriverOverTls()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TLS_URI");
    QVERIFY(uri.startsWith("qemu+tls://"));
    QVirtConnection conn;
    QSignalSpy failed(&conn, &QVirtConnection::errorOccurred);
    QVERIFY(QtVirtConnectionTest::openAndWait(conn, QString::fromUtf8(uri), OpenTimeoutMs) >= 0);
    QVERIFY2(failed.isEmpty(), qPrintable(conn.errorString()));
    QCOMPARE(conn.state(), QVirtConnection::State::Open);
    QCOMPARE(conn.hypervisorType(), QStringLiteral("QEMU"));
    QVERIFY(!conn.hostName().isEmpty());
    QCOMPARE(virConnectIsEncrypted(conn.handle()), 1);
    QCOMPARE(virConnectIsSecure(conn.handle()), 1);

    auto listing = conn.listDomains();
    QTRY_VERIFY_WITH_TIMEOUT(listing.isFinished(), OpenTimeoutMs);
    QVERIFY(listing.isValid());
    QVERIFY2(listing.result().isEmpty(), "the remote QEMU driver was given no domains");
}

// TLS: test+tls:// reaches the test driver inside the remote
// daemon, with its predefined domain "test".
void tst_TlsConnection::opensTestDriverOverTls()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TLS_TEST_URI");
    QVERIFY(uri.startsWith("test+tls://"));
    QVirtConnection conn;
    QSignalSpy failed(&conn, &QVirtConnection::errorOccurred);
    QVERIFY(QtVirtConnectionTest::openAndWait(conn, QString::fromUtf8(uri), OpenTimeoutMs) >= 0);
    QVERIFY2(failed.isEmpty(), qPrintable(conn.errorString()));
    QCOMPARE(conn.state(), QVirtConnection::State::Open);
    QCOMPARE(conn.hypervisorType(), QStringLiteral("TEST"));
    QCOMPARE(virConnectIsEncrypted(conn.handle()), 1);

    auto listing = conn.listDomains();
    QTRY_VERIFY_WITH_TIMEOUT(listing.isFinished(), OpenTimeoutMs);
    QVERIFY(listing.isValid());
    QStringList names;
    for (const QVirtDomainInfo &info : listing.result())
        names.append(info.name());
    QVERIFY2(names.contains(QStringLiteral("test")), qPrintable(names.join(u',')));
}

void tst_TlsConnection::expectRefusal(const QByteArray &uri, QLatin1String message,
                                      QVirtConnection::Error error)
{
    QVirtConnection conn;
    QSignalSpy opened(&conn, &QVirtConnection::opened);
    QSignalSpy failed(&conn, &QVirtConnection::errorOccurred);
    const qint64 elapsedMs
        = QtVirtConnectionTest::openAndWait(conn, QString::fromUtf8(uri), 3 * RefusalDeadlineMs);
    qInfo("refused after %lld ms: %s", elapsedMs, qPrintable(conn.errorString()));
    QVERIFY2(elapsedMs >= 0, "neither opened() nor errorOccurred()");
    QCOMPARE(opened.size(), 0);
    QCOMPARE(failed.size(), 1);
    QVERIFY2(elapsedMs <= RefusalDeadlineMs, qPrintable(QString::number(elapsedMs)));
    QVERIFY2(conn.errorString().contains(message), qPrintable(conn.errorString()));
    QCOMPARE(failed.at(0).at(0).value<QVirtConnection::Error>(), error);
    QCOMPARE(conn.error(), error);
    // Nothing was opened in spite of the refusal, not even a moment later.
    QCOMPARE(conn.state(), QVirtConnection::State::Closed);
    QCOMPARE(conn.handle(), nullptr);
    QTest::qWait(200);
    QCOMPARE(opened.size(), 0);
}

void tst_TlsConnection::expectCertificateRefusal(const QByteArray &uri)
{
    // libvirt's client refuses the server's certificate after the
    // handshake (virNetTLSContextCheckCertificate); its error names that,
    // while the detail (unknown issuer, wrong host name) goes to libvirt's
    // log only. libvirt reports the refusal as VIR_ERR_AUTH_FAILED.
    expectRefusal(uri, QLatin1String("Failed to verify peer's certificate"),
                  QVirtConnection::AuthenticationError);
}

// TLS, a wrong CA: the client's pkipath holds the certificate of
// a CA that did not sign the server's (and a client certificate of that CA,
// since libvirt checks its own certificate first). The open must fail with
// libvirt's reason, quickly, rather than hang or connect unverified.
void tst_TlsConnection::refusesServerOfAnotherCa()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TLS_WRONG_CA_TEST_URI");
    QVERIFY(uri.startsWith("test+tls://"));
    expectCertificateRefusal(uri);
}

// TLS, a hostname mismatch: the same server, reached at a second
// address of its network namespace that its certificate does not name.
void tst_TlsConnection::refusesServerAtAnAddressItsCertificateDoesNotName()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TLS_WRONG_HOST_TEST_URI");
    QVERIFY(uri.startsWith("test+tls://"));
    expectCertificateRefusal(uri);
}

// TLS, an expired certificate: a server at the right address
// presents a certificate of the right CA, naming that address, whose
// validity ended long ago. The server is gnutls-serv rather than a libvirtd
// (scripts/testbed-remote.bash): libvirt's client checks the certificate
// right after the handshake, before any message of its protocol, so the
// refusal must come from that check, quickly, and nothing may open.
void tst_TlsConnection::refusesServerWithExpiredCertificate()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TLS_EXPIRED_TEST_URI");
    QVERIFY(uri.startsWith("test+tls://"));
    expectCertificateRefusal(uri);
}

// TLS, the client's own certificate has expired (of the right CA,
// for the real server): libvirt checks it before it connects, and its
// message, which names the expired file, must reach errorString() at once.
void tst_TlsConnection::refusesToUseExpiredClientCertificate()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TLS_EXPIRED_CLIENT_TEST_URI");
    QVERIFY(uri.startsWith("test+tls://"));
    expectRefusal(uri, QLatin1String("clientcert.pem has expired"), QVirtConnection::OpenError);
}

// Events over TLS: 2,000 start/stop pairs of a transient domain on
// the remote test driver, caused as fast as the daemon takes them by another
// client in another thread, reach a QVirtConnection over TLS complete: every
// event once, in order, none lost and none duplicated. Over TLS an event
// arrives in records of the TLS session that need not end where libvirt's
// messages end, and a burst of them fills the socket faster than a slow
// reader empties it; a reader that handled one message per readiness
// notice, or dropped what gnutls had already decrypted and buffered, would
// lose or delay events here, while a Unix socket shows nothing.
void tst_TlsConnection::floodOfLifecycleEventsArrivesComplete()
{
    using namespace QtVirtIntegration;
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TLS_TEST_URI");
    // The events are caused through the remote daemon's own Unix socket
    // (the one its SSH URIs name), so that only the receiving side uses TLS.
    const QUrlQuery sshQuery(
        QUrl(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_SSH_TEST_URI"))));
    const QString socket = sshQuery.queryItemValue(QStringLiteral("socket"), QUrl::FullyDecoded);
    QVERIFY(!socket.isEmpty());
    const QByteArray localUri = "test+unix:///default?socket=" + socket.toUtf8();

    QVirtConnection conn;
    const QtVirtConnectionTest::LifecycleSignalRecorder recorder(&conn);
    QVERIFY2(conn.openBlocking(QString::fromUtf8(uri)), qPrintable(conn.errorString()));

    const Connection other(virConnectOpen(localUri.constData()));
    QVERIFY2(other, qPrintable(lastError()));
    const QByteArray name = uniqueDomainName("tlsflood");
    const QByteArray xml = testDomainXml(name);
    QList<LifecycleEvent> expected;
    expected.reserve(2 * FloodPairs);
    for (int i = 0; i < FloodPairs; ++i) {
        expected.append({name, VIR_DOMAIN_EVENT_STARTED, VIR_DOMAIN_EVENT_STARTED_BOOTED});
        expected.append({name, VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_DESTROYED});
    }

    QElapsedTimer clock;
    clock.start();
    QString failure;
    std::atomic<bool> done{false};
    qint64 causedMs = -1;
    std::thread generator([&] {
        for (int i = 0; i < FloodPairs && failure.isEmpty(); ++i) {
            const Domain dom(virDomainCreateXML(other.get(), xml.constData(), 0));
            if (!dom || virDomainDestroy(dom.get()) < 0)
                failure = QStringLiteral("pair %1: %2").arg(i).arg(lastError());
        }
        causedMs = clock.elapsed();
        done = true;
    });
    // The GUI thread's loop runs meanwhile and takes the events as they come.
    const bool finished = QTest::qWaitFor([&] { return done.load(); }, 120000);
    generator.join();
    QVERIFY2(finished, "the other client did not finish within two minutes");
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events().size() >= expected.size(), 30000);
    qInfo("%d pairs caused in %lld ms, all %lld events received after %lld ms", FloodPairs,
          causedMs, qint64(recorder.events().size()), clock.elapsed());
    QTest::qWait(300);
    QCOMPARE(recorder.events().size(), expected.size());
    QCOMPARE(recorder.events(), expected);
}

QTEST_GUILESS_MAIN(tst_TlsConnection)
#include "tst_tlsconnection.moc"
