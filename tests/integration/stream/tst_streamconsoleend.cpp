// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The end of a console stream, when the guest goes away while the
// application still has bytes for it.

#include "streamtestsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtStream>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QDeadlineTimer>
#include <QtCore/QFile>
#include <QtCore/QMetaEnum>
#include <QtCore/QThread>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

using namespace StreamTest;

namespace {

// Waits, without running the event loop, until the guest's serial log
// (which QEMU writes together with the console) contains pattern.
bool waitForConsoleLog(const QByteArray &pattern, QDeadlineTimer deadline)
{
    QFile log(QString::fromLocal8Bit(QtVirtTest::testbedValue("QTVIRT_TESTBED_CONSOLE_LOG")));
    while (!deadline.hasExpired()) {
        if (log.open(QIODevice::ReadOnly)) {
            if (log.readAll().contains(pattern))
                return true;
            log.close();
        }
        QThread::msleep(50);
    }
    return false;
}

} // namespace

class tst_StreamConsoleEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void bytesUnsentAtEndAreReportedBeforeFinished();
};

void tst_StreamConsoleEnd::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
}

void tst_StreamConsoleEnd::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_StreamConsoleEnd::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

// When the end of a stream arrived while write() had
// bytes that libvirt had not taken yet, QVirtStream dropped them without a
// word before finishing, so the WriteError that its documentation promises
// ("ended before N byte(s) could be sent") could never be emitted.
//
// libvirt's remote streams take every virStreamSend() at once (or block the
// thread until the socket takes it), so bytes are left over at the end only
// when they are written in the very pass that receives the end: here, by a
// readyRead() slot answering the guest's last output. To get that last
// output and the end into one pass, the test lets no event loop run from
// the moment the guest was asked for output until the guest was destroyed
// and libvirt had queued the end of the console behind the output.
void tst_StreamConsoleEnd::bytesUnsentAtEndAreReportedBeforeFinished()
{
    const Connection conn = openQemuConnection();
    QVERIFY(conn);
    const Connection control = openQemuConnection();
    QVERIFY(control);
    const TestbedGuest guest(control.get());
    QVERIFY(guest.get());
    virDomainPtr dom = guest.get();
    virDomainPtr consoleDom = virDomainLookupByName(conn.get(), virDomainGetName(dom));
    QVERIFY2(consoleDom, qPrintable(libvirtError()));
    const auto freeConsoleDom = qScopeGuard([consoleDom] { virDomainFree(consoleDom); });

    QVirtStream console(conn.get());
    const QString opened = openShellConsole(console, consoleDom);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));

    // The echo of the typed line has $((40+2)); only the shell's output has
    // mark42. From here on, nothing runs the event loop until the end is
    // queued.
    const QByteArray command("echo mark$((40+2))\r");
    QCOMPARE(console.write(command), qint64(command.size()));
    QVERIFY(console.waitForBytesWritten(10000));
    QCOMPARE(console.bytesToWrite(), 0);
    console.readAll();
    QVERIFY(waitForConsoleLog("mark42", QDeadlineTimer(30000)));
    QCOMPARE(virDomainDestroy(dom), 0);
    // The console's pty hung up before the destroy returned, but the daemon
    // sends the end from its main loop while calls are answered from worker
    // threads, so a reply may overtake the end. Calls on the console's own
    // connection read whatever the daemon sent before their replies into
    // the stream's queue; libvirt offers no way to see the queued end
    // without taking it, so the calls go on for a span in which the
    // daemon's main loop has long sent it even on a loaded machine. Still
    // no event loop runs, so the end and the last output reach the stream
    // in one pass.
    const QDeadlineTimer endQueued(2000);
    for (int calls = 0; calls < 2 || !endQueued.hasExpired(); ++calls) {
        unsigned long version = 0;
        QCOMPARE(virConnectGetLibVersion(conn.get(), &version), 0);
        QThread::msleep(50);
    }

    // The application answers the guest's output, as a terminal answers a
    // query; the answer can no longer go anywhere.
    const QByteArray answer("answer\r");
    QByteArray lastOutput;
    connect(&console, &QIODevice::readyRead, this, [&] {
        lastOutput += console.readAll();
        if (console.bytesToWrite() == 0)
            console.write(answer);
    });
    QList<QByteArray> order;
    connect(&console, &QVirtStream::errorOccurred, this, [&](QVirtStream::Error error) {
        order.append(QByteArray("error ")
                     + QMetaEnum::fromType<QVirtStream::Error>().valueToKey(error));
    });
    connect(&console, &QVirtStream::finished, this, [&] { order.append("finished"); });
    QSignalSpy finished(&console, &QVirtStream::finished);
    QVERIFY(finished.wait(10000));

    QVERIFY2(lastOutput.contains("mark42"), lastOutput.constData());
    QCOMPARE(order, QList<QByteArray>({"error WriteError", "finished"}));
    QCOMPARE(console.error(), QVirtStream::WriteError);
    QCOMPARE(console.errorString(),
             QStringLiteral("The stream ended before %1 byte(s) could be sent").arg(answer.size()));
    QVERIFY(console.isFinished());
    QCOMPARE(console.bytesToWrite(), 0);
}

QTEST_GUILESS_MAIN(tst_StreamConsoleEnd)
#include "tst_streamconsoleend.moc"
