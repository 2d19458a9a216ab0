// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The interactive and one-shot streams: the tiny VM's serial console, and a
// screenshot from the test driver of the testbed daemon.

#include "streamtestsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtStream>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QDeadlineTimer>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QtEndian>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

using namespace StreamTest;

namespace {

struct PngSize
{
    quint32 width = 0;
    quint32 height = 0;
};

// The size from a PNG's IHDR chunk, which must come first; 0x0 when png is
// not a PNG.
PngSize pngSize(const QByteArray &png)
{
    static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
    if (!png.startsWith(signature) || png.size() < 24 || png.mid(12, 4) != "IHDR")
        return {};
    return {qFromBigEndian<quint32>(png.constData() + 16),
            qFromBigEndian<quint32>(png.constData() + 20)};
}

} // namespace

class tst_StreamConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void screenshotIsPngOfVirshSize();
    void consoleRunsShellCommand();
};

void tst_StreamConsole::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
}

void tst_StreamConsole::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_StreamConsole::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_StreamConsole::screenshotIsPngOfVirshSize()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TEST_URI");
    virConnectPtr conn = virConnectOpen(uri.constData());
    QVERIFY2(conn, qPrintable(libvirtError()));
    const auto closeConn = qScopeGuard([conn] { virConnectClose(conn); });
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    QVERIFY2(dom, qPrintable(libvirtError()));
    const auto freeDom = qScopeGuard([dom] { virDomainFree(dom); });

    QVirtStream stream(conn);
    char *mime = virDomainScreenshot(dom, stream.stream(), 0, 0);
    QVERIFY2(mime, qPrintable(libvirtError()));
    QCOMPARE(QByteArray(mime), QByteArray("image/png"));
    free(mime);
    QVERIFY(stream.open(QIODevice::ReadOnly));
    QByteArray png;
    connect(&stream, &QIODevice::readyRead, this, [&] { png += stream.readAll(); });
    QSignalSpy finished(&stream, &QVirtStream::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY(stream.atEnd());
    QCOMPARE(stream.error(), QVirtStream::NoError);

    const PngSize ours = pngSize(png);
    QVERIFY2(ours.width > 0 && ours.height > 0, "not a PNG");

    QTemporaryDir dir;
    const QString virshFile = dir.filePath(QStringLiteral("virsh.png"));
    QProcess virsh;
    virsh.start(QStringLiteral("virsh"),
                {QStringLiteral("-c"), QString::fromUtf8(uri), QStringLiteral("screenshot"),
                 QStringLiteral("test"), QStringLiteral("--file"), virshFile});
    QVERIFY(virsh.waitForFinished(30000));
    QCOMPARE(virsh.exitCode(), 0);
    QFile reference(virshFile);
    QVERIFY(reference.open(QIODevice::ReadOnly));
    const PngSize theirs = pngSize(reference.readAll());
    QCOMPARE(ours.width, theirs.width);
    QCOMPARE(ours.height, theirs.height);
}

void tst_StreamConsole::consoleRunsShellCommand()
{
    const Connection conn = openQemuConnection();
    QVERIFY(conn);
    const TestbedGuest guest(conn.get());
    QVERIFY(guest.get());
    virDomainPtr dom = guest.get();

    QVirtStream console(conn.get());
    const QString opened = openShellConsole(console, dom);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));

    // The echo of the typed line has hel""lo and $((6*7)): only the shell's
    // answer contains hello-42.
    QByteArray seen;
    const QByteArray command("echo hel\"\"lo-$((6*7))\r");
    QCOMPARE(console.write(command), qint64(command.size()));
    readUntil(console, "hello-42", seen, QDeadlineTimer(20000));
    QVERIFY2(seen.contains("hello-42"), seen.constData());
    QCOMPARE(console.bytesToWrite(), 0);
    QCOMPARE(console.error(), QVirtStream::NoError);

    // This once accepted either a clean end or a failure,
    // so it could not tell a stream that reports the guest's end properly
    // from one that breaks. libvirt makes it a clean end: when QEMU exits,
    // the pty whose slave the daemon reads is hung up, the daemon's read
    // returns 0 (or only the hangup is reported), and in both cases the
    // daemon sends the client an empty stream packet, the end of the stream
    // (daemonStreamEvent, libvirt's src/remote/remote_daemon_stream.c); the finish
    // handshake that follows succeeds. So the console ends with
    // readChannelFinished() and finished(), once each, and no error, as
    // `virsh console` ends without one. (A kernel read could in principle
    // slip in between the pty master's close and the hangup and get EIO,
    // which the daemon would send as an error; in repeated runs on the
    // testbed, with the guest idle or printing, it never did.)
    QSignalSpy ended(&console, &QVirtStream::readChannelFinished);
    QSignalSpy finished(&console, &QVirtStream::finished);
    QSignalSpy failed(&console, &QVirtStream::errorOccurred);
    QCOMPARE(virDomainDestroy(dom), 0);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 0, 10000);
    QVERIFY2(failed.isEmpty(), qPrintable(console.errorString()));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(console.error(), QVirtStream::NoError);
    console.readAll(); // what the guest printed after hello-42
    QVERIFY(console.atEnd());
    // Nothing else follows the end.
    QTest::qWait(200);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(ended.size(), 1);
    QVERIFY2(failed.isEmpty(), qPrintable(console.errorString()));
}

QTEST_GUILESS_MAIN(tst_StreamConsole)
#include "tst_streamconsole.moc"
