// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtStreamTransfer reports its failures as
// Qt's own devices (QAbstractSocket, QProcess) do, with an Error value that
// names what failed, error(), errorString() and errorOccurred(Error).
// It used to emit a bare message, errorOccurred(const QString &), so a
// program could not tell a cancelled transfer from a full disk or a broken
// stream without parsing translated text. Each value is produced here by a
// real failure against the testbed's volumes, and the signal's argument,
// error() and errorString() must agree.

#include "streamtestsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtStream>
#include <QtVirt/QVirtStreamTransfer>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QBuffer>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>
#include <utility>

using namespace StreamTest;

namespace {

constexpr qint64 VolumeSize = 8 * MiB;

// A random-access device of VolumeSize bytes that takes or gives the first
// `healthy` bytes and then fails as a full disk or an unreadable one does:
// read() or write() returns -1 and errorString() says why.
class FailingDevice : public QIODevice
{
public:
    explicit FailingDevice(qint64 healthy)
        : m_healthy(healthy)
    { }

    qint64 size() const override { return VolumeSize; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_read >= m_healthy) {
            setErrorString(QStringLiteral("input/output error (simulated bad sector)"));
            return -1;
        }
        const qint64 n = qMin(maxSize, m_healthy - m_read);
        std::fill_n(data, n, 'r');
        m_read += n;
        return n;
    }

    qint64 writeData(const char *, qint64 size) override
    {
        if (m_written >= m_healthy) {
            setErrorString(QStringLiteral("no space left on device (simulated)"));
            return -1;
        }
        const qint64 n = qMin(size, m_healthy - m_written);
        m_written += n;
        return n;
    }

private:
    const qint64 m_healthy;
    qint64 m_read = 0;
    qint64 m_written = 0;
};

} // namespace

class tst_TransferErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void newTransferHasNoError();
    void deviceNotOpenIsStartError();
    void streamThatCannotOpenIsStreamError();
    void failingDeviceOnDownloadIsDeviceWriteError();
    void failingDeviceOnUploadIsDeviceReadError();
    void fileCutShortDuringUploadIsDeviceReadError();
    void cancelIsCanceledError();

private:
    // Starts transfer, waits for finished(), and checks that exactly one
    // errorOccurred() came before it, whose argument is error() and
    // expected, with a non-empty errorString(). False after failing the
    // test.
    static bool failsWith(QVirtStreamTransfer &transfer, QVirtStreamTransfer::Error expected);

    Connection m_conn;
};

void tst_TransferErrors::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    m_conn = openQemuConnection();
    QVERIFY(m_conn);
}

void tst_TransferErrors::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_TransferErrors::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

bool tst_TransferErrors::failsWith(QVirtStreamTransfer &transfer,
                                   QVirtStreamTransfer::Error expected)
{
    [&] {
        QSignalSpy errors(&transfer, &QVirtStreamTransfer::errorOccurred);
        QSignalSpy finished(&transfer, &QVirtStreamTransfer::finished);
        // What error() and errorString() say while the signal is emitted.
        QVirtStreamTransfer::Error seenError = QVirtStreamTransfer::NoError;
        QString seenMessage;
        connect(&transfer, &QVirtStreamTransfer::errorOccurred, &transfer, [&] {
            seenError = transfer.error();
            seenMessage = transfer.errorString();
        });
        transfer.start();
        QVERIFY(finished.size() == 1 || finished.wait(20000));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).at(0).value<QVirtStreamTransfer::Error>(), expected);
        QCOMPARE(seenError, expected);
        QCOMPARE(transfer.error(), expected);
        QVERIFY(!seenMessage.isEmpty());
        QCOMPARE(transfer.errorString(), seenMessage);
        QVERIFY(transfer.isFinished());
    }();
    return !QTest::currentTestFailed();
}

void tst_TransferErrors::newTransferHasNoError()
{
    QBuffer buffer;
    QVirtStream stream(m_conn.get());
    const QVirtStreamTransfer transfer(&stream, &buffer, QVirtStreamTransfer::Download);
    QCOMPARE(transfer.error(), QVirtStreamTransfer::NoError);
    QCOMPARE(transfer.errorString(), QString());
}

void tst_TransferErrors::deviceNotOpenIsStartError()
{
    const Volume volume(m_conn.get(), "errors-start", VolumeSize);
    QVERIFY(volume.get());
    QVirtStream stream(m_conn.get());
    QCOMPARE(virStorageVolDownload(volume.get(), stream.stream(), 0, 0, 0), 0);
    QBuffer closed;
    QVirtStreamTransfer transfer(&stream, &closed, QVirtStreamTransfer::Download);
    QVERIFY(failsWith(transfer, QVirtStreamTransfer::StartError));
    QCOMPARE(transfer.errorString(), QStringLiteral("The device is not open for writing"));
}

void tst_TransferErrors::streamThatCannotOpenIsStreamError()
{
    // Never handed to a libvirt API: libvirt refuses to watch it, and the
    // stream's own error is the transfer's message.
    QVirtStream stream(m_conn.get());
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVirtStreamTransfer transfer(&stream, &buffer, QVirtStreamTransfer::Download);
    QVERIFY(failsWith(transfer, QVirtStreamTransfer::StreamError));
    QCOMPARE(stream.error(), QVirtStream::OpenError);
    QCOMPARE(transfer.errorString(), stream.errorString());
}

void tst_TransferErrors::failingDeviceOnDownloadIsDeviceWriteError()
{
    const Volume volume(m_conn.get(), "errors-write", VolumeSize);
    QVERIFY(volume.get());
    QVirtStream stream(m_conn.get());
    QCOMPARE(virStorageVolDownload(volume.get(), stream.stream(), 0, 0, 0), 0);
    FailingDevice device(1 * MiB);
    QVERIFY(device.open(QIODevice::WriteOnly));
    QVirtStreamTransfer transfer(&stream, &device, QVirtStreamTransfer::Download);
    QVERIFY(failsWith(transfer, QVirtStreamTransfer::DeviceWriteError));
    QVERIFY2(transfer.errorString().contains(QLatin1String("no space left on device")),
             qPrintable(transfer.errorString()));
    QCOMPARE(transfer.bytesTransferred(), 1 * MiB);
}

void tst_TransferErrors::failingDeviceOnUploadIsDeviceReadError()
{
    const Volume volume(m_conn.get(), "errors-read", VolumeSize);
    QVERIFY(volume.get());
    QVirtStream stream(m_conn.get());
    QCOMPARE(virStorageVolUpload(volume.get(), stream.stream(), 0, 0, 0), 0);
    FailingDevice device(1 * MiB);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QVirtStreamTransfer transfer(&stream, &device, QVirtStreamTransfer::Upload);
    QVERIFY(failsWith(transfer, QVirtStreamTransfer::DeviceReadError));
    QVERIFY2(transfer.errorString().contains(QLatin1String("simulated bad sector")),
             qPrintable(transfer.errorString()));
    // The upload was aborted, not finished with half the data.
    QVERIFY(!stream.isFinished());
}

void tst_TransferErrors::fileCutShortDuringUploadIsDeviceReadError()
{
    // The thread that sends a regular file's data reads it (src/stream/
    // fileslice.h). A file cut short meanwhile fails the upload, as a
    // failing device does, rather than leave the volume half written
    // behind a transfer that says it succeeded.
    const Volume volume(m_conn.get(), "errors-cut", VolumeSize);
    QVERIFY(volume.get());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("source.img"));
    QVERIFY(writeRandomFile(path, VolumeSize));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVirtStream stream(m_conn.get());
    QCOMPARE(virStorageVolUpload(volume.get(), stream.stream(), 0, 0, 0), 0);
    QVirtStreamTransfer transfer(&stream, &file, QVirtStreamTransfer::Upload);
    // At the first progress(), from start() itself: at most the write
    // window (4 MiB) of the file's 8 MiB is queued by then.
    bool cut = false;
    connect(&transfer, &QVirtStreamTransfer::progress, &transfer, [&] {
        if (!std::exchange(cut, true))
            cut = QFile::resize(path, 1 * MiB);
    });
    QVERIFY(failsWith(transfer, QVirtStreamTransfer::DeviceReadError));
    QVERIFY(cut);
    QVERIFY2(transfer.errorString().contains(QLatin1String("became shorter")),
             qPrintable(transfer.errorString()));
    QVERIFY(!stream.isFinished());
}

void tst_TransferErrors::cancelIsCanceledError()
{
    const Volume volume(m_conn.get(), "errors-cancel", VolumeSize);
    QVERIFY(volume.get());
    QVirtStream stream(m_conn.get());
    QCOMPARE(virStorageVolDownload(volume.get(), stream.stream(), 0, 0, 0), 0);
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVirtStreamTransfer transfer(&stream, &buffer, QVirtStreamTransfer::Download);
    connect(&transfer, &QVirtStreamTransfer::progress, &transfer, &QVirtStreamTransfer::cancel);
    QVERIFY(failsWith(transfer, QVirtStreamTransfer::CanceledError));
    QVERIFY(transfer.bytesTransferred() < VolumeSize);
    QVERIFY(!stream.isFinished());
}

QTEST_GUILESS_MAIN(tst_TransferErrors)
#include "tst_transfererrors.moc"
