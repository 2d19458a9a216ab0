// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Volume uploads and downloads through QVirtStream and QVirtStreamTransfer
// against the testbed's dir pool: the bytes and the holes arrive intact.

#include "streamtestsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtStream>
#include <QtVirt/QVirtStreamTransfer>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace StreamTest;

namespace {

constexpr qint64 RandomVolumeSize = 256 * MiB;
constexpr qint64 SparseVolumeSize = 1024 * MiB;
constexpr qint64 ExtentSize = 4 * MiB;
const QList<qint64> ExtentOffsets = {0, 300 * MiB, 1020 * MiB};
// Some file systems allocate a little around what was written.
constexpr qint64 AllocationSlack = 1 * MiB;

// Runs transfer to its end; returns its error, or an empty string.
QString runTransfer(QVirtStreamTransfer &transfer)
{
    QSignalSpy finished(&transfer, &QVirtStreamTransfer::finished);
    transfer.start();
    if (!transfer.isFinished() && !finished.wait(120000))
        return QStringLiteral("the transfer did not finish");
    return transfer.errorString();
}

} // namespace

class tst_StreamVolumes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void randomVolumeKeepsSha256OnUploadAndDownload();
    void sparseVolumeKeepsHolesOnUploadAndDownload();
    void progressCountsEveryByte();

private:
    Connection m_conn;
    QTemporaryDir m_dir;
};

void tst_StreamVolumes::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    QVERIFY(m_dir.isValid());
    m_conn = openQemuConnection();
    QVERIFY(m_conn);
}

void tst_StreamVolumes::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_StreamVolumes::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_StreamVolumes::randomVolumeKeepsSha256OnUploadAndDownload()
{
    const QString source = m_dir.filePath(QStringLiteral("random.img"));
    QVERIFY(writeRandomFile(source, RandomVolumeSize));
    const QByteArray sourceHash = sha256OfFile(source);
    const Volume volume(m_conn.get(), "random", RandomVolumeSize);
    QVERIFY(volume.get());

    {
        QFile file(source);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        QVirtStream stream(m_conn.get());
        QCOMPARE(virStorageVolUpload(volume.get(), stream.stream(), 0, 0, 0), 0);
        QVirtStreamTransfer upload(&stream, &file, QVirtStreamTransfer::Upload);
        QCOMPARE(runTransfer(upload), QString());
        QVERIFY(stream.isFinished());
        QCOMPARE(upload.bytesTransferred(), RandomVolumeSize);
    }
    QCOMPARE(sha256OfFile(volume.path()), sourceHash);

    const QString target = m_dir.filePath(QStringLiteral("random-back.img"));
    {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        QVirtStream stream(m_conn.get());
        QCOMPARE(virStorageVolDownload(volume.get(), stream.stream(), 0, 0, 0), 0);
        QVirtStreamTransfer download(&stream, &file, QVirtStreamTransfer::Download);
        QCOMPARE(runTransfer(download), QString());
        QVERIFY(stream.isFinished());
        QVERIFY(stream.atEnd());
        QCOMPARE(download.bytesTransferred(), RandomVolumeSize);
    }
    QCOMPARE(sha256OfFile(target), sourceHash);
}

void tst_StreamVolumes::sparseVolumeKeepsHolesOnUploadAndDownload()
{
    const QString source = m_dir.filePath(QStringLiteral("sparse.img"));
    QVERIFY(writeSparseFile(source, SparseVolumeSize, ExtentOffsets, ExtentSize));
    const qint64 dataBytes = ExtentOffsets.size() * ExtentSize;
    QVERIFY(allocatedBytes(source) <= dataBytes + AllocationSlack);

    // Same bytes: the same size, and the data of every extent, with holes
    // (which read as zeros) everywhere else.
    const auto verifySameSparseContent = [&](const QString &copy) {
        QCOMPARE(fileSize(copy), SparseVolumeSize);
        const qint64 allocated = allocatedBytes(copy);
        QVERIFY2(allocated <= dataBytes + AllocationSlack,
                 qPrintable(QStringLiteral("%1 bytes allocated").arg(allocated)));
        for (const auto &extent : dataExtents(copy)) {
            const bool inside
                = std::any_of(ExtentOffsets.begin(), ExtentOffsets.end(), [&](qint64 offset) {
                      return extent.first >= offset && extent.second <= offset + ExtentSize;
                  });
            QVERIFY2(inside,
                     qPrintable(
                         QStringLiteral("data at [%1, %2)").arg(extent.first).arg(extent.second)));
        }
        for (qint64 offset : ExtentOffsets)
            QVERIFY(readRange(copy, offset, ExtentSize) == readRange(source, offset, ExtentSize));
    };

    const Volume volume(m_conn.get(), "sparse", SparseVolumeSize);
    QVERIFY(volume.get());
    {
        QFile file(source);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVirtStream stream(m_conn.get());
        QCOMPARE(virStorageVolUpload(volume.get(), stream.stream(), 0, 0,
                                     VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM),
                 0);
        QVirtStreamTransfer upload(&stream, &file, QVirtStreamTransfer::Upload);
        upload.setSparse(true);
        QCOMPARE(runTransfer(upload), QString());
        QCOMPARE(upload.bytesTransferred(), SparseVolumeSize);
        QCOMPARE(upload.holeBytes(), SparseVolumeSize - dataBytes);
        QCOMPARE(file.pos(), SparseVolumeSize);
    }
    verifySameSparseContent(volume.path());

    // Into a new file, and over one full of data, where the holes must not
    // leave the old data in place.
    const auto downloadInto = [&](const QString &target, QIODevice::OpenMode mode) {
        QFile file(target);
        QVERIFY(file.open(mode));
        QVirtStream stream(m_conn.get());
        QCOMPARE(virStorageVolDownload(volume.get(), stream.stream(), 0, 0,
                                       VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM),
                 0);
        QVirtStreamTransfer download(&stream, &file, QVirtStreamTransfer::Download);
        download.setSparse(true);
        QCOMPARE(runTransfer(download), QString());
        QCOMPARE(download.bytesTransferred(), SparseVolumeSize);
        QCOMPARE(download.holeBytes(), SparseVolumeSize - dataBytes);
        QCOMPARE(file.pos(), SparseVolumeSize);
    };
    const QString target = m_dir.filePath(QStringLiteral("sparse-back.img"));
    downloadInto(target, QIODevice::WriteOnly);
    if (QTest::currentTestFailed())
        return;
    verifySameSparseContent(target);

    const QString overwritten = m_dir.filePath(QStringLiteral("sparse-over.img"));
    QVERIFY(writeRandomFile(overwritten, 64 * MiB));
    downloadInto(overwritten, QIODevice::ReadWrite);
    if (QTest::currentTestFailed())
        return;
    verifySameSparseContent(overwritten);
}

void tst_StreamVolumes::progressCountsEveryByte()
{
    const QString source = m_dir.filePath(QStringLiteral("small.img"));
    constexpr qint64 size = 8 * MiB + 12345;
    QVERIFY(writeRandomFile(source, size));
    const Volume volume(m_conn.get(), "progress", size);
    QVERIFY(volume.get());

    QFile file(source);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVirtStream stream(m_conn.get());
    QCOMPARE(virStorageVolUpload(volume.get(), stream.stream(), 0, 0, 0), 0);
    QVirtStreamTransfer upload(&stream, &file, QVirtStreamTransfer::Upload);
    QSignalSpy progress(&upload, &QVirtStreamTransfer::progress);
    QCOMPARE(runTransfer(upload), QString());
    QVERIFY(progress.size() > 1);
    qint64 last = 0;
    for (const QList<QVariant> &report : progress) {
        QVERIFY(report.at(0).toLongLong() > last);
        QCOMPARE(report.at(1).toLongLong(), size);
        last = report.at(0).toLongLong();
    }
    QCOMPARE(last, size);
    QCOMPARE(sha256OfFile(volume.path()), sha256OfFile(source));
}

QTEST_GUILESS_MAIN(tst_StreamVolumes)
#include "tst_streamvolumes.moc"
