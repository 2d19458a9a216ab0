// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtStream when things go wrong: calls in the wrong order, a reader that
// stops reading, and libvirtd killed in the middle of a download.

#include "integrationsupport.h"
#include "streamtestsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtStream>
#include <QtVirt/QVirtStreamTransfer>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QBuffer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QScopeGuard>
#include <QtCore/QTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <memory>
#include <thread>

using namespace StreamTest;

namespace {

// Reads a stream to its end; returns everything, or stops at the deadline.
QByteArray readToEnd(QVirtStream &stream, int timeoutMs = 30000)
{
    QByteArray all;
    QDeadlineTimer deadline(timeoutMs);
    while (!stream.atEnd() && !deadline.hasExpired()) {
        all += stream.readAll();
        if (!stream.atEnd() && stream.bytesAvailable() == 0)
            stream.waitForReadyRead(200);
    }
    return all + stream.readAll();
}

// For the tests that kill libvirtd: the next test needs it back.
void restartDaemon()
{
    const QString problem = QtVirtTest::restartTestbedDaemon();
    if (!problem.isEmpty())
        qCritical("%s", qPrintable(problem));
}

// Hands stream to a download of volume and opens it with a read cap.
bool startDownload(QVirtStream &stream, virStorageVolPtr volume, qint64 cap)
{
    stream.setReadBufferSize(cap);
    return virStorageVolDownload(volume, stream.stream(), 0, 0, 0) == 0
        && stream.open(QIODevice::ReadOnly);
}

// startDownload(), then waits until the stream holds cap bytes: a reader
// that stalls from here on. False after failing the test.
bool startStalledDownload(QVirtStream &stream, virStorageVolPtr volume, qint64 cap)
{
    [&] {
        QVERIFY2(startDownload(stream, volume, cap), virGetLastErrorMessage());
        QTRY_COMPARE_WITH_TIMEOUT(stream.bytesAvailable(), cap, 10000);
    }();
    return !QTest::currentTestFailed();
}

// The rows of the tests that delete a transfer's stream or device: the
// direction, whether the stream goes (or the device), and the error the
// transfer must end with. uploadDevice: with the row that deletes an
// upload's device.
void addDeletionRows(bool uploadDevice)
{
    QTest::addColumn<QVirtStreamTransfer::Direction>("direction");
    QTest::addColumn<bool>("deleteStream");
    QTest::addColumn<QString>("expectedError");
    // And what failed, as an Error value: the device was being
    // written (download) or read (upload) when it went.
    QTest::addColumn<QVirtStreamTransfer::Error>("expectedCode");
    const QString device = QStringLiteral("The device was deleted during the transfer");
    const QString stream = QStringLiteral("The stream was deleted during the transfer");
    QTest::newRow("download, device") << QVirtStreamTransfer::Download << false << device
                                      << QVirtStreamTransfer::DeviceWriteError;
    QTest::newRow("download, stream")
        << QVirtStreamTransfer::Download << true << stream << QVirtStreamTransfer::StreamError;
    if (uploadDevice)
        QTest::newRow("upload, device") << QVirtStreamTransfer::Upload << false << device
                                        << QVirtStreamTransfer::DeviceReadError;
    QTest::newRow("upload, stream")
        << QVirtStreamTransfer::Upload << true << stream << QVirtStreamTransfer::StreamError;
}

} // namespace

class tst_StreamFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void openBeforeHandedToApiFailsAndCanBeRetried();
    void successfulOpenAfterAFailureResetsTheError();
    void secondOpenIsRefused();
    void writeToReadOnlyStreamIsRefused();
    void writeAfterFinishIsRefusedAndLosesNothing();
    void negativeReadBufferSizeIsRefused();
    void stalledReaderKeepsBufferAtCap();
    void stalledReaderHoldsUpNoOtherStreamOrCall();
    void stalledReaderKeepsKeepaliveConnectionOpen();
    void frozenDaemonHoldsUpNoWriteOrDelete();
    void killedDaemonReportsErrorWithinTwoSeconds();
    void killedDaemonReachesStalledReaderWithinTwoSeconds();
    void deletedDeviceOrStreamFailsTheTransfer_data();
    void deletedDeviceOrStreamFailsTheTransfer();
    void plainDeleteInLastProgressFailsTheTransfer_data();
    void plainDeleteInLastProgressFailsTheTransfer();

private:
    Connection m_conn;
};

void tst_StreamFailures::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    m_conn = openQemuConnection();
    QVERIFY(m_conn);
}

void tst_StreamFailures::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_StreamFailures::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_StreamFailures::openBeforeHandedToApiFailsAndCanBeRetried()
{
    const Volume volume(m_conn.get(), "early", 1 * MiB);
    QVERIFY(volume.get());
    QVirtStream stream(m_conn.get());
    QSignalSpy errors(&stream, &QVirtStream::errorOccurred);

    QVERIFY(!stream.open(QIODevice::ReadOnly));
    QVERIFY(!stream.isOpen());
    QCOMPARE(stream.error(), QVirtStream::OpenError);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(stream.errorString().contains(QLatin1String("virStorageVolDownload")),
             qPrintable(stream.errorString()));
    virResetLastError();

    // Nothing was spoilt: handed over now, the same stream works.
    QCOMPARE(virStorageVolDownload(volume.get(), stream.stream(), 0, 0, 0), 0);
    QVERIFY(stream.open(QIODevice::ReadOnly));
    QCOMPARE(readToEnd(stream), QByteArray(1 * MiB, '\0'));
    QVERIFY(stream.isFinished());
}

// As on QAbstractSocket, a successful open
// resets error() to NoError. A stream whose first open() failed (it was
// not handed to a libvirt API yet) kept reporting OpenError after the
// second open() succeeded, while its errorString() was already empty
// (QIODevice::open() clears it): the two disagreed, and a program that
// checks error() took a working stream for a broken one.
void tst_StreamFailures::successfulOpenAfterAFailureResetsTheError()
{
    const Volume volume(m_conn.get(), "retried", 1 * MiB);
    QVERIFY(volume.get());
    QVirtStream stream(m_conn.get());
    QVERIFY(!stream.open(QIODevice::ReadOnly));
    QCOMPARE(stream.error(), QVirtStream::OpenError);
    const QString failure = stream.errorString();
    QVERIFY(!failure.isEmpty());
    virResetLastError();

    QCOMPARE(virStorageVolDownload(volume.get(), stream.stream(), 0, 0, 0), 0);
    QVERIFY(stream.open(QIODevice::ReadOnly));
    QCOMPARE(stream.error(), QVirtStream::NoError);
    // With no error set, a QIODevice says what a QFile or QBuffer that
    // never failed says ("Unknown error"), not the old failure.
    QCOMPARE(stream.errorString(), QBuffer().errorString());
    QCOMPARE(readToEnd(stream).size(), 1 * MiB);
    QCOMPARE(stream.error(), QVirtStream::NoError);
}

void tst_StreamFailures::secondOpenIsRefused()
{
    const Volume volume(m_conn.get(), "twice", 1 * MiB);
    QVERIFY(volume.get());
    QVirtStream stream(m_conn.get());
    QCOMPARE(virStorageVolDownload(volume.get(), stream.stream(), 0, 0, 0), 0);
    QVERIFY(stream.open(QIODevice::ReadOnly));
    QVERIFY(!stream.open(QIODevice::ReadOnly));
    QCOMPARE(stream.error(), QVirtStream::OperationError);
    QVERIFY(stream.isOpen());
    QCOMPARE(readToEnd(stream).size(), 1 * MiB);
    QVERIFY(stream.isFinished());

    stream.close();
    QVERIFY(!stream.open(QIODevice::ReadOnly));
    QCOMPARE(stream.error(), QVirtStream::OperationError);
}

void tst_StreamFailures::writeToReadOnlyStreamIsRefused()
{
    const Volume volume(m_conn.get(), "readonly", 1 * MiB);
    QVERIFY(volume.get());
    QVirtStream stream(m_conn.get());
    QCOMPARE(virStorageVolDownload(volume.get(), stream.stream(), 0, 0, 0), 0);
    QVERIFY(stream.open(QIODevice::ReadOnly));

    // QIODevice itself refuses, and says so.
    QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QVirtStream): ReadOnly device");
    QCOMPARE(stream.write("data"), qint64(-1));
    QVERIFY(!stream.writeHole(4096));
    QCOMPARE(stream.error(), QVirtStream::OperationError);
    QCOMPARE(stream.bytesToWrite(), 0);

    QCOMPARE(readToEnd(stream).size(), 1 * MiB);
    QVERIFY(stream.isFinished());
}

void tst_StreamFailures::writeAfterFinishIsRefusedAndLosesNothing()
{
    const QByteArray payload(3 * MiB + 17, 'x');
    const Volume volume(m_conn.get(), "finished", payload.size());
    QVERIFY(volume.get());
    QVirtStream stream(m_conn.get());
    QCOMPARE(virStorageVolUpload(volume.get(), stream.stream(), 0, 0, 0), 0);
    QVERIFY(stream.open(QIODevice::WriteOnly));
    QCOMPARE(stream.write(payload), qint64(payload.size()));
    QSignalSpy finished(&stream, &QVirtStream::finished);
    QVERIFY(stream.finish());

    QCOMPARE(stream.write("late"), qint64(-1));
    QCOMPARE(stream.error(), QVirtStream::OperationError);
    QVERIFY(!stream.writeHole(4096));

    QVERIFY(finished.size() == 1 || finished.wait(30000));
    QCOMPARE(stream.bytesToWrite(), 0);
    QCOMPARE(stream.write("later"), qint64(-1));
    QCOMPARE(readRange(volume.path(), 0, payload.size() + 100), payload);
}

// setReadBufferSize() took a negative size as 0, which means
// no cap at all, so a slip in the caller's arithmetic silently removed the
// bound that keeps a stalled reader's memory in check. A negative size is
// refused with a warning, before and after open(), and the cap in force
// stays in force.
void tst_StreamFailures::negativeReadBufferSizeIsRefused()
{
    constexpr qint64 cap = 1 * MiB;
    constexpr qint64 size = 16 * MiB;
    const Volume volume(m_conn.get(), "negative-cap", size);
    QVERIFY(volume.get());
    QVirtStream stream(m_conn.get());
    QSignalSpy errors(&stream, &QVirtStream::errorOccurred);
    stream.setReadBufferSize(cap);
    QTest::ignoreMessage(QtWarningMsg,
                         "QVirtStream::setReadBufferSize: refusing the negative size -1; the cap "
                         "stays at 1048576 bytes (0 means no cap)");
    stream.setReadBufferSize(-1);
    QCOMPARE(stream.readBufferSize(), cap);

    QCOMPARE(virStorageVolDownload(volume.get(), stream.stream(), 0, 0, 0), 0);
    QVERIFY(stream.open(QIODevice::ReadOnly));
    QTRY_COMPARE_WITH_TIMEOUT(stream.bytesAvailable(), cap, 10000);
    QTest::ignoreMessage(QtWarningMsg,
                         "QVirtStream::setReadBufferSize: refusing the negative size -4096; the "
                         "cap stays at 1048576 bytes (0 means no cap)");
    stream.setReadBufferSize(-4096);
    QCOMPARE(stream.readBufferSize(), cap);
    // Still held at the cap, not let loose.
    QTest::qWait(500);
    QCOMPARE(stream.bytesAvailable(), cap);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(readToEnd(stream).size(), size);
    QVERIFY(stream.isFinished());
}

void tst_StreamFailures::stalledReaderKeepsBufferAtCap()
{
    constexpr qint64 cap = 1 * MiB;
    constexpr qint64 size = 64 * MiB;
    const Volume volume(m_conn.get(), "stalled", size);
    QVERIFY(volume.get());
    QVirtStream stream(m_conn.get());
    stream.setReadBufferSize(cap);
    QCOMPARE(virStorageVolDownload(volume.get(), stream.stream(), 0, 0, 0), 0);
    const qint64 rssBefore = residentBytes();
    QVERIFY(stream.open(QIODevice::ReadOnly));

    // The application reads nothing for a while.
    QTest::qWait(1500);
    QCOMPARE(stream.bytesAvailable(), cap);
    const qint64 growth = residentBytes() - rssBefore;
    qInfo("resident memory grew by %lld KiB while the reader stalled", growth / 1024);
    // Without the connection held back, libvirt's client would have read
    // the whole volume into this process (virNetClientStreamQueuePacket).
    QVERIFY2(growth < cap + 8 * MiB, qPrintable(QString::number(growth)));

    // Nothing was lost on the way.
    QCOMPARE(readToEnd(stream).size(), size);
    QVERIFY(stream.isFinished());
}

void tst_StreamFailures::stalledReaderHoldsUpNoOtherStreamOrCall()
{
    constexpr qint64 cap = 1 * MiB;
    constexpr qint64 stalledSize = 64 * MiB;
    constexpr qint64 otherSize = 16 * MiB;
    const Volume stalledVolume(m_conn.get(), "stalled-first", stalledSize);
    const Volume otherVolume(m_conn.get(), "flowing-second", otherSize);
    QVERIFY(stalledVolume.get() && otherVolume.get());

    QVirtStream stalled(m_conn.get());
    QVERIFY(startStalledDownload(stalled, stalledVolume.get(), cap));

    // The connection's socket is held back for the stalled stream; another
    // stream on the same connection must get its data all the same.
    QVirtStream other(m_conn.get());
    QVERIFY2(startDownload(other, otherVolume.get(), cap), virGetLastErrorMessage());
    QCOMPARE(readToEnd(other, 20000).size(), otherSize);
    QVERIFY(other.isFinished());
    // Meanwhile libvirt queued what came for the stalled stream: its
    // protocol has no flow control per stream. With the other stream done,
    // the socket is held back again, and the queue stops growing.
    const qint64 rssAlone = residentBytes();

    // A plain call still goes through, and the stalled stream stays at its
    // cap.
    char *xml = virStorageVolGetXMLDesc(stalledVolume.get(), 0);
    QVERIFY2(xml, virGetLastErrorMessage());
    free(xml);
    QTest::qWait(1000);
    QCOMPARE(stalled.bytesAvailable(), cap);
    const qint64 growth = residentBytes() - rssAlone;
    QVERIFY2(growth < 8 * MiB, qPrintable(QString::number(growth)));

    QCOMPARE(readToEnd(stalled).size(), stalledSize);
    QVERIFY(stalled.isFinished());
}

void tst_StreamFailures::stalledReaderKeepsKeepaliveConnectionOpen()
{
    // Held back, the socket is still read by libvirt's own keepalive
    // exchange (virNetClientIOEventLoop polls it directly), so neither side
    // takes the connection for dead while the application does not read.
    QVirtConnection conn;
    conn.setKeepAliveInterval(1);
    conn.setKeepAliveCount(2);
    QVERIFY(conn.openBlocking(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_QEMU_URI"))));
    QSignalSpy closed(&conn, &QVirtConnection::closed);
    constexpr qint64 cap = 1 * MiB;
    constexpr qint64 size = 64 * MiB;
    const Volume volume(conn.handle(), "stalled-keepalive", size);
    QVERIFY(volume.get());
    QVirtStream stream(conn.handle());
    QVERIFY(startStalledDownload(stream, volume.get(), cap));
    const qint64 rssStalled = residentBytes();

    // Three keepalive periods with nothing read: one more than the count.
    QTest::qWait(4000);
    QCOMPARE(closed.size(), 0);
    QVERIFY(conn.isOpen());
    const qint64 growth = residentBytes() - rssStalled;
    QVERIFY2(growth < 8 * MiB, qPrintable(QString::number(growth)));

    QCOMPARE(readToEnd(stream).size(), size);
    QVERIFY(stream.isFinished());
    QCOMPARE(closed.size(), 0);
}

// An upload whose daemon froze (SIGSTOP): libvirt's remote virStreamSend()
// returns only once its message is written, also on a non-blocking
// stream, and virStreamAbort() is a round trip (docs/libvirt-streams.md,
// "Sizes and blocking calls"). Neither may hold the stream's thread: its
// loop keeps running with far more queued than the sockets take, and
// deleting the stream returns at once.
void tst_StreamFailures::frozenDaemonHoldsUpNoWriteOrDelete()
{
    constexpr qint64 Queued = 16 * MiB;
    const Volume volume(m_conn.get(), "frozen", Queued);
    QVERIFY(volume.get());
    auto stream = std::make_unique<QVirtStream>(m_conn.get());
    QCOMPARE(virStorageVolUpload(volume.get(), stream->stream(), 0, 0, 0), 0);
    QVERIFY(stream->open(QIODevice::WriteOnly));
    const auto daemon = pid_t(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    {
        const QtVirtIntegration::ProcessFreeze freeze(daemon);
        QVERIFY2(freeze.isFrozen(), qPrintable(freeze.errorString()));
        // Should a call wait for the daemon after all, this thaw ends the
        // wait, and the test fails instead of hanging.
        std::thread thaw([daemon] {
            std::this_thread::sleep_for(std::chrono::seconds(3));
            ::kill(daemon, SIGCONT);
        });
        const auto joinThaw = qScopeGuard([&thaw] { thaw.join(); });

        QCOMPARE(stream->write(QByteArray(Queued, 'f')), Queued);
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 worstGap = 0;
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worstGap = std::max(worstGap, now - last);
            last = now;
        });
        heartbeat.start(10);
        QEventLoop loop;
        QTimer::singleShot(500, &loop, &QEventLoop::quit);
        loop.exec();
        heartbeat.stop();
        const qint64 looped = clock.elapsed();
        QVERIFY2(looped < 1000 && worstGap < 100,
                 qPrintable(QStringLiteral("the loop ran %1 ms for 500 ms, its longest gap %2 ms")
                                .arg(looped)
                                .arg(worstGap)));
        QVERIFY2(stream->bytesToWrite() > 0, "the frozen daemon took everything");
        QCOMPARE(stream->error(), QVirtStream::NoError);

        clock.restart();
        stream.reset();
        const qint64 deleting = clock.elapsed();
        QVERIFY2(deleting < 100, qPrintable(QString::number(deleting)));
    }
    QVERIFY(QtVirtIntegration::restartDaemonIfItCrashedOnThaw(daemon));
}

void tst_StreamFailures::killedDaemonReportsErrorWithinTwoSeconds()
{
    const qint64 daemon = QtVirtTest::testbedDaemonPid();
    QVERIFY(daemon > 0);
    Connection conn = openQemuConnection();
    QVERIFY(conn);
    const Volume volume(conn.get(), "killed", 1024 * MiB);
    QVERIFY(volume.get());
    // Runs before the volume is deleted, whichever way the test ends.
    const auto restore = qScopeGuard(restartDaemon);
    auto stream = std::make_unique<QVirtStream>(conn.get());
    QCOMPARE(virStorageVolDownload(volume.get(), stream->stream(), 0, 0, 0), 0);
    QVERIFY(stream->open(QIODevice::ReadOnly));

    qint64 received = 0;
    QElapsedTimer sinceKill;
    connect(stream.get(), &QIODevice::readyRead, this, [&] {
        received += stream->skip(stream->bytesAvailable());
        if (!sinceKill.isValid() && received >= 16 * MiB) {
            QCOMPARE(::kill(pid_t(daemon), SIGKILL), 0);
            sinceKill.start();
        }
    });
    QSignalSpy errors(stream.get(), &QVirtStream::errorOccurred);
    QVERIFY(errors.wait(20000));
    QVERIFY(sinceKill.isValid());
    QVERIFY2(sinceKill.elapsed() < 2000, qPrintable(QString::number(sinceKill.elapsed())));
    QCOMPARE(stream->error(), QVirtStream::ConnectionError);
    QVERIFY(!stream->isFinished());
    QVERIFY(received < 1024 * MiB);
    qInfo("error %lld ms after the kill: %s", sinceKill.elapsed(),
          qPrintable(stream->errorString()));

    stream.reset();
}

// A stalled reader's socket is held back, so libvirt would not read the
// daemon's end from it; the stream must hear of it all the same.
void tst_StreamFailures::killedDaemonReachesStalledReaderWithinTwoSeconds()
{
    const qint64 daemon = QtVirtTest::testbedDaemonPid();
    QVERIFY(daemon > 0);
    Connection conn = openQemuConnection();
    QVERIFY(conn);
    const Volume volume(conn.get(), "killed-stalled", 64 * MiB);
    QVERIFY(volume.get());
    const auto restore = qScopeGuard(restartDaemon);
    auto stream = std::make_unique<QVirtStream>(conn.get());
    QVERIFY(startStalledDownload(*stream, volume.get(), 1 * MiB));
    QTest::qWait(200);

    QSignalSpy errors(stream.get(), &QVirtStream::errorOccurred);
    QElapsedTimer sinceKill;
    QCOMPARE(::kill(pid_t(daemon), SIGKILL), 0);
    sinceKill.start();
    QVERIFY(errors.wait(10000));
    QVERIFY2(sinceKill.elapsed() < 2000, qPrintable(QString::number(sinceKill.elapsed())));
    QCOMPARE(stream->error(), QVirtStream::ConnectionError);
    // What arrived before stays readable.
    QCOMPARE(stream->bytesAvailable(), 1 * MiB);
    stream.reset();
}

void tst_StreamFailures::deletedDeviceOrStreamFailsTheTransfer_data()
{
    addDeletionRows(true);
}

// A transfer holds its stream and device by QPointer but
// used to call them without looking: once a slot deleted either of them in
// the middle (a socket whose peer went away, deleteLater()'d), the next
// readyRead() or bytesWritten() of the other one dereferenced null. The
// transfer must end with an error that names what went away, abort the
// stream if it is still there, and touch nothing afterwards.
void tst_StreamFailures::deletedDeviceOrStreamFailsTheTransfer()
{
    QFETCH(QVirtStreamTransfer::Direction, direction);
    QFETCH(bool, deleteStream);
    QFETCH(QString, expectedError);
    QFETCH(QVirtStreamTransfer::Error, expectedCode);
    constexpr qint64 size = 64 * MiB;
    constexpr qint64 deleteAfter = 8 * MiB;
    const bool download = direction == QVirtStreamTransfer::Download;

    // Its own connection: the tests before it restart the daemon.
    const Connection conn = openQemuConnection();
    QVERIFY(conn);
    const Volume volume(conn.get(), "deleted", size);
    QVERIFY(volume.get());
    LocalSocketPair sockets;
    QVERIFY(sockets.isConnected());
    QPointer<QLocalSocket> device = sockets.nearEnd();
    QPointer<QVirtStream> stream = new QVirtStream(conn.get());
    const auto cleanUp = qScopeGuard([&] { delete stream; });
    if (download) {
        QCOMPARE(virStorageVolDownload(volume.get(), stream->stream(), 0, 0, 0), 0);
        // The peer reads everything at once, so that the device keeps
        // emitting bytesWritten().
        connect(&sockets.farEnd(), &QIODevice::readyRead, this,
                [&] { sockets.farEnd().skip(sockets.farEnd().bytesAvailable()); });
    } else {
        QCOMPARE(virStorageVolUpload(volume.get(), stream->stream(), 0, 0, 0), 0);
        const QByteArray block(1 * MiB, 'u');
        for (qint64 queued = 0; queued < size; queued += block.size())
            sockets.farEnd().write(block);
    }

    QVirtStreamTransfer transfer(stream, device, direction);
    QSignalSpy errors(&transfer, &QVirtStreamTransfer::errorOccurred);
    QSignalSpy finished(&transfer, &QVirtStreamTransfer::finished);
    bool deleted = false;
    connect(&transfer, &QVirtStreamTransfer::progress, this, [&](qint64 done) {
        if (deleted || done < deleteAfter)
            return;
        deleted = true;
        if (deleteStream)
            stream->deleteLater();
        else
            device->deleteLater();
    });
    transfer.start();
    QVERIFY(finished.wait(20000));
    QVERIFY(deleted);
    QVERIFY(deleteStream ? stream.isNull() : device.isNull());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(transfer.errorString(), expectedError);
    QCOMPARE(errors.at(0).at(0).value<QVirtStreamTransfer::Error>(), expectedCode);
    QCOMPARE(transfer.error(), expectedCode);
    QVERIFY(transfer.bytesTransferred() < size);
    if (!deleteStream) {
        // Aborted: nothing is sent or finished any more.
        QVERIFY(!stream->isFinished());
        QCOMPARE(stream->bytesToWrite(), 0);
    }
    // Whatever the survivor still emits must not reach the transfer.
    QTest::qWait(500);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(errors.size(), 1);
}

void tst_StreamFailures::plainDeleteInLastProgressFailsTheTransfer_data()
{
    // An upload whose input was all read no longer needs its device: only
    // the stream matters once the last progress is reported.
    addDeletionRows(false);
}

// A progress() slot may delete the device or
// the stream outright (delete, not deleteLater()). The transfer went on
// after the last progress report as if both were still there: a download
// asked the deleted stream whether it had finished and completed, an
// upload called finish() on the deleted stream. The last report is where
// that happens, so that is where the slot deletes: for a download, the
// stream has already ended by then (the peer reads only once it has), so
// the same pass would complete the transfer.
void tst_StreamFailures::plainDeleteInLastProgressFailsTheTransfer()
{
    QFETCH(QVirtStreamTransfer::Direction, direction);
    QFETCH(bool, deleteStream);
    QFETCH(QString, expectedError);
    QFETCH(QVirtStreamTransfer::Error, expectedCode);
    const bool download = direction == QVirtStreamTransfer::Download;
    // A download must leave more behind than the transfer's device window
    // (4 MiB) and the socket can hold; an upload must fit in one pass of
    // the transfer, so that its input ends where it reports progress.
    const qint64 size = download ? 16 * MiB : 1 * MiB;

    const Connection conn = openQemuConnection();
    QVERIFY(conn);
    const Volume volume(conn.get(), "deleted-plain", size);
    QVERIFY(volume.get());
    LocalSocketPair sockets;
    QVERIFY(sockets.isConnected());
    QPointer<QIODevice> device;
    QPointer<QVirtStream> stream = new QVirtStream(conn.get());
    const auto cleanUp = qScopeGuard([&] {
        delete stream;
        if (device != sockets.nearEnd())
            delete device;
    });
    if (download) {
        QCOMPARE(virStorageVolDownload(volume.get(), stream->stream(), 0, 0, 0), 0);
        // All of it in the stream's buffer, so that it ends first.
        stream->setReadBufferSize(0);
        device = sockets.nearEnd();
        // The peer takes nothing until the stream has ended: with a small
        // buffer of its own, the socket fills and the transfer's window too.
        sockets.farEnd().setReadBufferSize(64 * 1024);
        connect(stream, &QVirtStream::finished, this, [&] {
            QLocalSocket &peer = sockets.farEnd();
            connect(&peer, &QIODevice::readyRead, this,
                    [&peer] { peer.skip(peer.bytesAvailable()); });
            peer.skip(peer.bytesAvailable());
        });
    } else {
        QCOMPARE(virStorageVolUpload(volume.get(), stream->stream(), 0, 0, 0), 0);
        auto *buffer = new QBuffer;
        buffer->setData(QByteArray(size, 'u'));
        QVERIFY(buffer->open(QIODevice::ReadOnly));
        device = buffer;
    }

    QVirtStreamTransfer transfer(stream, device, direction);
    QSignalSpy errors(&transfer, &QVirtStreamTransfer::errorOccurred);
    QSignalSpy finished(&transfer, &QVirtStreamTransfer::finished);
    bool deleted = false;
    bool streamHadEnded = false;
    connect(&transfer, &QVirtStreamTransfer::progress, this, [&](qint64 done) {
        if (deleted || done < size)
            return;
        deleted = true;
        streamHadEnded = stream->isFinished();
        if (deleteStream)
            delete stream;
        else
            delete device;
    });
    transfer.start();
    QVERIFY(finished.size() == 1 || finished.wait(20000));
    QVERIFY(deleted);
    if (download)
        QVERIFY(streamHadEnded);
    QVERIFY(deleteStream ? stream.isNull() : device.isNull());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(transfer.errorString(), expectedError);
    QCOMPARE(errors.at(0).at(0).value<QVirtStreamTransfer::Error>(), expectedCode);
    QCOMPARE(transfer.error(), expectedCode);
    QTest::qWait(200);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(errors.size(), 1);
}

QTEST_GUILESS_MAIN(tst_StreamFailures)
#include "tst_streamfailures.moc"
