// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection opens a
// domain's console (openDomainConsole()), takes its screenshot
// (domainScreenshot()) and connects to its graphics server
// (openDomainGraphicsFd()), so that an application needs neither libvirt's
// stream API nor a blocking call: each libvirt call runs in a pool thread,
// and a stream is opened and read on the event loop. Before these methods
// existed, an application had to call virDomainOpenConsole() or
// virDomainScreenshot() itself, in the GUI thread, where a daemon that does
// not answer blocks it. Checked against the testbed's QEMU guest (its
// serial console, its VGA card and its VNC server, which listens nowhere)
// and its test driver.

#include "futurefailures.h"
#include "integrationsupport.h"
#include "streamtestsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtStream>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QDeadlineTimer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThreadPool>
#include <QtCore/QTimer>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <memory>
#include <optional>
#include <poll.h>
#include <unistd.h>

using namespace StreamTest;

namespace {

constexpr int ReplyMs = 20000;

void ignoreLibvirtError(void *, virErrorPtr) { }

template<typename T> bool finishes(const QFuture<T> &future, int ms = ReplyMs)
{
    return QtVirtIntegration::finishes(future, ms);
}

using QtVirtIntegration::failureOf;
using QtVirtIntegration::failureText;

// Presses Enter until the guest's shell shows its prompt.
bool waitForPrompt(QVirtStream &console, QByteArray &seen)
{
    const QDeadlineTimer deadline(60000);
    while (!seen.contains("# ") && !deadline.hasExpired()) {
        if (console.write("\r") != 1)
            return false;
        readUntil(console, "# ", seen, QDeadlineTimer(1000));
    }
    return seen.contains("# ");
}

// What `virsh screenshot` of domain on uri writes, byte for byte.
QByteArray virshScreenshot(const QByteArray &uri, const QString &domain)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("virsh.img"));
    QProcess virsh;
    virsh.start(QStringLiteral("virsh"),
                {QStringLiteral("-c"), QString::fromUtf8(uri), QStringLiteral("screenshot"), domain,
                 QStringLiteral("--file"), file});
    if (!virsh.waitForFinished(30000) || virsh.exitCode() != 0) {
        qInfo() << "virsh screenshot failed:" << virsh.readAllStandardError();
        return {};
    }
    QFile image(file);
    return image.open(QIODevice::ReadOnly) ? image.readAll() : QByteArray();
}

} // namespace

class tst_DomainStreams : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void consoleRunsShellCommand();
    void busyConsoleFailsWithLibvirtCode();
    void unclaimedConsoleIsGivenBack();
    void screenshotOfGuestIsVirshs();
    void graphicsFdGreetsWithRfb();
    void testDriverScreenshotIsVirshs();
    void testDriverHasNoGraphicsFd();
    void shutOffDomainFailsClearly();
    void invalidCallsFailAtOnce();
    void frozenDaemonBlocksNoCaller();

private:
    QByteArray m_qemuUri;
    QVirtConnection m_conn;
    QVirtDomainRef m_guest;
    std::unique_ptr<TestbedGuest> m_running;
};

void tst_DomainStreams::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_qemuUri = QtVirtTest::testbedValue("QTVIRT_QEMU_URI");
    QVERIFY(m_conn.openBlocking(QString::fromUtf8(m_qemuUri)));
    // One boot for the whole test: the guest runs from here to the last test.
    m_running = std::make_unique<TestbedGuest>(m_conn.handle());
    QVERIFY(m_running->get());
    m_guest = QVirtDomainRef(QString::fromUtf8(virDomainGetName(m_running->get())), QUuid());
}

void tst_DomainStreams::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_DomainStreams::cleanup()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(ReplyMs));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void tst_DomainStreams::cleanupTestCase()
{
    m_running.reset();
    m_conn.close();
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_DomainStreams::consoleRunsShellCommand()
{
    QFuture<QVirtStream *> opening
        = m_conn.openDomainConsole(m_guest, QString(), QVirtConnection::ConsoleFlag::Force);
    QVERIFY(finishes(opening));
    QVERIFY2(!failureOf(opening), failureText(opening).constData());
    const std::unique_ptr<QVirtStream> console(opening.result());
    QVERIFY(console);
    // The caller's, opened for both directions, in this thread.
    QCOMPARE(console->parent(), nullptr);
    QCOMPARE(console->openMode() & QIODevice::ReadWrite, QIODevice::ReadWrite);
    QCOMPARE(console->thread(), QThread::currentThread());

    QByteArray seen;
    QVERIFY2(waitForPrompt(*console, seen), seen.right(400).constData());
    // The echo of the typed line has hel""lo and $((6*7)): only the shell's
    // answer contains hello-42.
    QVERIFY(console->write("echo hel\"\"lo-$((6*7))\r") > 0);
    seen.clear();
    readUntil(*console, "hello-42", seen, QDeadlineTimer(ReplyMs));
    QVERIFY2(seen.contains("hello-42"), seen.constData());
    QCOMPARE(console->error(), QVirtStream::NoError);
}

void tst_DomainStreams::busyConsoleFailsWithLibvirtCode()
{
    QFuture<QVirtStream *> first
        = m_conn.openDomainConsole(m_guest, QString(), QVirtConnection::ConsoleFlag::Force);
    QVERIFY(finishes(first));
    QVERIFY2(!failureOf(first), failureText(first).constData());
    const std::unique_ptr<QVirtStream> holder(first.result());

    // Without Force, libvirt refuses a console another client holds, with
    // the code qt-console tells a busy console by.
    const QFuture<QVirtStream *> second = m_conn.openDomainConsole(m_guest);
    QVERIFY(finishes(second));
    const std::optional<QVirtError> refused = failureOf(second);
    QVERIFY(refused);
    QCOMPARE(refused->code(), int(VIR_ERR_OPERATION_FAILED));
    QVERIFY2(!refused->message().isEmpty(), "no message");
    QCOMPARE(holder->error(), QVirtStream::NoError);
}

void tst_DomainStreams::unclaimedConsoleIsGivenBack()
{
    // The console is opened in the daemon, then its future is canceled
    // before the result reached this thread: nobody can take the stream,
    // so QtVirt must delete it, which releases the console. Were it kept,
    // the domain's console would stay held by this process, and the open
    // without Force below would fail as busy.
    QFuture<QVirtStream *> unclaimed
        = m_conn.openDomainConsole(m_guest, QString(), QVirtConnection::ConsoleFlag::Force);
    // The pool call runs to its end (the daemon hands the console over)
    // while this thread runs no event loop, so the result waits in its
    // queue when the future is canceled.
    QVERIFY(QThreadPool::globalInstance()->waitForDone(ReplyMs));
    QVERIFY(!unclaimed.isFinished());
    unclaimed.cancel();
    QVERIFY(finishes(unclaimed));
    QVERIFY(unclaimed.isCanceled());

    // Released in the daemon asynchronously: retried for a while.
    std::optional<QVirtError> refused;
    std::unique_ptr<QVirtStream> console;
    const QDeadlineTimer deadline(ReplyMs);
    do {
        QTest::qWait(100);
        const QFuture<QVirtStream *> again = m_conn.openDomainConsole(m_guest);
        QVERIFY(finishes(again));
        refused = failureOf(again);
        if (!refused)
            console.reset(again.result());
    } while (refused && refused->code() == VIR_ERR_OPERATION_FAILED && !deadline.hasExpired());
    QVERIFY2(!refused, refused ? qPrintable(refused->message()) : "");
    QVERIFY(console);
}

void tst_DomainStreams::screenshotOfGuestIsVirshs()
{
    // A paused guest's screen holds still: QEMU draws the text cursor's
    // blink from the guest's clock, which stops with the guest. The first
    // screenshot after the pause may still show the cursor's last toggle,
    // so one is taken and dropped first.
    QVERIFY(finishes(m_conn.suspendDomain(m_guest)));
    const auto resume = qScopeGuard([this] { finishes(m_conn.resumeDomain(m_guest)); });
    QFuture<QVirtScreenshot> settle = m_conn.domainScreenshot(m_guest);
    QVERIFY(finishes(settle));
    QVERIFY2(!failureOf(settle), failureText(settle).constData());

    const QByteArray virsh = virshScreenshot(m_qemuUri, m_guest.name());
    QVERIFY(!virsh.isEmpty());
    QFuture<QVirtScreenshot> shot = m_conn.domainScreenshot(m_guest);
    QVERIFY(finishes(shot));
    QVERIFY2(!failureOf(shot), failureText(shot).constData());
    const QVirtScreenshot screenshot = shot.result();
    // QEMU 7.2 makes PNG for libvirt 9.0 (older ones made PPM).
    QCOMPARE(screenshot.mimeType(), QStringLiteral("image/png"));
    QVERIFY(screenshot.data().startsWith("\x89PNG\r\n\x1a\n"));
    QCOMPARE(screenshot.data().size(), virsh.size());
    QVERIFY(screenshot.data() == virsh);
}

void tst_DomainStreams::graphicsFdGreetsWithRfb()
{
    QFuture<int> connecting = m_conn.openDomainGraphicsFd(m_guest, 0);
    QVERIFY(finishes(connecting));
    QVERIFY2(!failureOf(connecting), failureText(connecting).constData());
    const int fd = connecting.result();
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });

    // A VNC server speaks first: "RFB 003.008\n" (RFC 6143, 7.1.1).
    QByteArray greeting;
    const QDeadlineTimer deadline(ReplyMs);
    while (greeting.size() < 12 && !deadline.hasExpired()) {
        pollfd readable{fd, POLLIN, 0};
        if (::poll(&readable, 1, 100) <= 0)
            continue;
        char buffer[12];
        const ssize_t got = ::read(fd, buffer, size_t(12 - greeting.size()));
        QVERIFY2(got > 0, "the graphics socket ended before the greeting");
        greeting.append(buffer, got);
    }
    QVERIFY2(greeting.startsWith("RFB 003.00") && greeting.endsWith('\n'), greeting.constData());
}

void tst_DomainStreams::testDriverScreenshotIsVirshs()
{
    // The test driver answers with a PNG file of libvirt's own.
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TEST_URI");
    QVirtConnection test;
    QVERIFY(test.openBlocking(QString::fromUtf8(uri)));
    const QVirtDomainRef domain(QStringLiteral("test"), QUuid());
    QFuture<QVirtScreenshot> shot = test.domainScreenshot(domain);
    QVERIFY(finishes(shot));
    QVERIFY2(!failureOf(shot), failureText(shot).constData());
    QCOMPARE(shot.result().mimeType(), QStringLiteral("image/png"));
    const QByteArray virsh = virshScreenshot(uri, domain.name());
    QVERIFY(!virsh.isEmpty());
    QCOMPARE(shot.result().data().size(), virsh.size());
    QVERIFY(shot.result().data() == virsh);
}

void tst_DomainStreams::testDriverHasNoGraphicsFd()
{
    QVirtConnection test;
    QVERIFY(test.openBlocking(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"))));
    const QFuture<int> connecting
        = test.openDomainGraphicsFd(QVirtDomainRef(QStringLiteral("test"), QUuid()));
    QVERIFY(finishes(connecting));
    const std::optional<QVirtError> refused = failureOf(connecting);
    QVERIFY(refused);
    QCOMPARE(refused->code(), int(VIR_ERR_NO_SUPPORT));
}

void tst_DomainStreams::shutOffDomainFailsClearly()
{
    QVERIFY(finishes(m_conn.destroyDomain(m_guest)));
    const QFuture<QVirtStream *> console = m_conn.openDomainConsole(m_guest);
    const QFuture<QVirtScreenshot> shot = m_conn.domainScreenshot(m_guest);
    const QFuture<int> graphics = m_conn.openDomainGraphicsFd(m_guest);
    QVERIFY(finishes(console) && finishes(shot) && finishes(graphics));
    for (const std::optional<QVirtError> &refused :
         {failureOf(console), failureOf(shot), failureOf(graphics)}) {
        QVERIFY(refused);
        // libvirt's own words: "Requested operation is not valid: domain is
        // not running".
        QCOMPARE(refused->code(), int(VIR_ERR_OPERATION_INVALID));
        QVERIFY2(refused->message().contains(QLatin1String("not running")),
                 qPrintable(refused->message()));
    }
}

void tst_DomainStreams::invalidCallsFailAtOnce()
{
    QVirtConnection closed;
    const QVirtDomainRef someDomain(QStringLiteral("test"), QUuid());
    const QFuture<QVirtStream *> console = closed.openDomainConsole(someDomain);
    const QFuture<QVirtScreenshot> shot = closed.domainScreenshot(someDomain);
    const QFuture<int> graphics = closed.openDomainGraphicsFd(someDomain);
    QVERIFY(console.isFinished() && shot.isFinished() && graphics.isFinished());
    QCOMPARE(failureText(console), QByteArray("the connection is not open"));
    QCOMPARE(failureText(shot), QByteArray("the connection is not open"));
    QCOMPARE(failureText(graphics), QByteArray("the connection is not open"));

    const QFuture<QVirtStream *> unnamed = m_conn.openDomainConsole(QVirtDomainRef());
    QVERIFY(unnamed.isFinished());
    QVERIFY2(failureText(unnamed).startsWith("invalid domain reference"),
             failureText(unnamed).constData());
}

void tst_DomainStreams::frozenDaemonBlocksNoCaller()
{
    // The point of running the libvirt calls in pool threads: with a
    // daemon that does not answer (frozen with SIGSTOP), neither the calls
    // nor the connection's destructor hold the caller's thread, whose event
    // loop goes on. Each call used to be the application's own
    // virDomainOpenConsole() or virDomainScreenshot() in that thread, which
    // waited for the daemon for as long as it was frozen.
    auto conn = std::make_unique<QVirtConnection>();
    QVERIFY(conn->openBlocking(QString::fromUtf8(m_qemuUri)));
    const auto daemon = pid_t(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    {
        const QtVirtIntegration::ProcessFreeze freeze(daemon);
        QVERIFY2(freeze.isFrozen(), qPrintable(freeze.errorString()));
        QElapsedTimer timer;
        timer.start();
        const QFuture<QVirtStream *> console
            = conn->openDomainConsole(m_guest, QString(), QVirtConnection::ConsoleFlag::Force);
        const QFuture<QVirtScreenshot> shot = conn->domainScreenshot(m_guest);
        const QFuture<int> graphics = conn->openDomainGraphicsFd(m_guest);
        const qint64 calling = timer.elapsed();
        QVERIFY2(calling < 100, qPrintable(QString::number(calling)));

        // The loop runs; nothing can have come back.
        int beats = 0;
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, this, [&] { ++beats; });
        heartbeat.start(10);
        QTest::qWait(500);
        QVERIFY2(beats >= 10, qPrintable(QString::number(beats)));
        QVERIFY(!console.isFinished() && !shot.isFinished() && !graphics.isFinished());

        timer.restart();
        conn.reset();
        const qint64 destroying = timer.elapsed();
        QVERIFY2(destroying < 100, qPrintable(QString::number(destroying)));
        QVERIFY(console.isCanceled() && shot.isCanceled() && graphics.isCanceled());
    }
    QVERIFY(QtVirtIntegration::restartDaemonIfItCrashedOnThaw(daemon));
    // After the thaw the calls end in their pool threads and what they made
    // (a stream, a socket) is released with nobody left to take it; ASan's
    // leak check at exit sees whether it was.
    QVERIFY(QThreadPool::globalInstance()->waitForDone(ReplyMs));
}

QTEST_GUILESS_MAIN(tst_DomainStreams)
#include "tst_domainstreams.moc"
