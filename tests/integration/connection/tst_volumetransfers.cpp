// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection::listStoragePools() and listStorageVolumes() list what
// there is to transfer, as libvirt itself reports it; downloadVolume() and
// uploadVolume() move a storage volume to or from a QIODevice in one call,
// returning a QVirtStreamTransfer that is already started. The lookups of
// the pool and the volume and virStorageVolDownload()/Upload() are round
// trips to the daemon; they run in a pool thread, so the call returns at
// once (tst_domainjobs checks that with a frozen daemon), and every
// failure, an unknown pool or volume included, comes as the transfer's
// StartError with libvirt's message. Before, an application made those
// calls itself, in its GUI thread, and then built the QVirtStream and the
// transfer. Checked byte for byte (SHA-256) against a volume of the
// testbed's dir pool, with and without holes.

#include "futurefailures.h"
#include "streamtestsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtStreamTransfer>
#include <QtVirt/QVirtVolumeInfo>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThreadPool>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <memory>
#include <optional>

using namespace StreamTest;
using QtVirtIntegration::failureOf;
using QtVirtIntegration::failureText;

namespace {

constexpr int ReplyMs = 20000;

void ignoreLibvirtError(void *, virErrorPtr) { }

template<typename T> bool finishes(const QFuture<T> &future)
{
    return QtVirtIntegration::finishes(future, ReplyMs);
}

// The volume named name in infos, or a null one.
QVirtVolumeInfo findVolume(const QList<QVirtVolumeInfo> &infos, const QString &name)
{
    for (const QVirtVolumeInfo &info : infos) {
        if (info.name() == name)
            return info;
    }
    return {};
}

// Waits for transfer's end; what went wrong, or an empty string.
QString runToEnd(QVirtStreamTransfer *transfer)
{
    if (!QTest::qWaitFor([transfer] { return transfer->isFinished(); }, ReplyMs))
        return QStringLiteral("the transfer did not end");
    return transfer->error() == QVirtStreamTransfer::NoError
        ? QString()
        : QStringLiteral("%1: %2").arg(int(transfer->error())).arg(transfer->errorString());
}

} // namespace

class tst_VolumeTransfers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void listingShowsPoolsAndVolumesAsLibvirtDoes();
    void listingAnUnknownPoolFailsClearly();
    void uploadAndDownloadAreByteExact();
    void sparseDownloadKeepsHoles();
    void badPoolOrVolumeFailsClearly();

private:
    QVirtConnection m_conn;
    QString m_pool;
};

void tst_VolumeTransfers::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    QVERIFY(m_conn.openBlocking(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_QEMU_URI"))));
    m_pool = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TESTBED_POOL"));
    QVERIFY(!m_pool.isEmpty());
}

void tst_VolumeTransfers::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_VolumeTransfers::cleanup()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(ReplyMs));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void tst_VolumeTransfers::cleanupTestCase()
{
    m_conn.close();
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_VolumeTransfers::listingShowsPoolsAndVolumesAsLibvirtDoes()
{
    const QFuture<QStringList> pools = m_conn.listStoragePools();
    QVERIFY(finishes(pools));
    QVERIFY2(!failureOf(pools), failureText(pools).constData());
    QVERIFY2(pools.result().contains(m_pool), qPrintable(pools.result().join(u' ')));

    // A volume with data, and one that is a hole from end to end: the
    // listing carries libvirt's path, capacity and allocation for each.
    constexpr qint64 size = 2 * MiB;
    Volume full(m_conn.handle(), "listed-full", size);
    Volume empty(m_conn.handle(), "listed-empty", 4 * size);
    QVERIFY(full.get() && empty.get());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString sourcePath = dir.filePath(QStringLiteral("source"));
    QVERIFY(writeRandomFile(sourcePath, size));
    QFile source(sourcePath);
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QString fullName = QString::fromUtf8(virStorageVolGetName(full.get()));
    std::unique_ptr<QVirtStreamTransfer> upload(m_conn.uploadVolume(m_pool, fullName, &source));
    const QString uploaded = runToEnd(upload.get());
    QVERIFY2(uploaded.isEmpty(), qPrintable(uploaded));

    const QFuture<QList<QVirtVolumeInfo>> listing = m_conn.listStorageVolumes(m_pool);
    QVERIFY(finishes(listing));
    QVERIFY2(!failureOf(listing), failureText(listing).constData());
    const QList<QVirtVolumeInfo> infos = listing.result();
    QStringList names;
    for (const QVirtVolumeInfo &info : infos)
        names.append(info.name());
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
    for (const Volume *volume : {&full, &empty}) {
        const QString name = QString::fromUtf8(virStorageVolGetName(volume->get()));
        const QVirtVolumeInfo info = findVolume(infos, name);
        QVERIFY2(!info.isNull(), qPrintable(name + QStringLiteral(" not in ") + names.join(u' ')));
        virStorageVolInfo expected = {};
        QCOMPARE(virStorageVolGetInfo(volume->get(), &expected), 0);
        QCOMPARE(info.path(), volume->path());
        QCOMPARE(info.format(), QStringLiteral("raw"));
        QCOMPARE(info.capacity(), qint64(expected.capacity));
        QCOMPARE(info.allocation(), qint64(expected.allocation));
        // A raw volume's file is as large as its disk.
        QCOMPARE(info.physical(), fileSize(volume->path()));
    }
    QCOMPARE(findVolume(infos, fullName).capacity(), size);
    QVERIFY(!findVolume(infos, fullName).isSparse());
    const QVirtVolumeInfo emptyInfo
        = findVolume(infos, QString::fromUtf8(virStorageVolGetName(empty.get())));
    QCOMPARE(emptyInfo.capacity(), 4 * size);
    QVERIFY2(emptyInfo.isSparse(), qPrintable(QString::number(emptyInfo.allocation())));
}

void tst_VolumeTransfers::listingAnUnknownPoolFailsClearly()
{
    const QString noPool = QStringLiteral("qtvirt-no-such-pool");
    const QFuture<QList<QVirtVolumeInfo>> listing = m_conn.listStorageVolumes(noPool);
    QVERIFY(finishes(listing));
    const std::optional<QVirtError> failure = failureOf(listing);
    QVERIFY(failure);
    // Ours names the pool, libvirt's words ("Storage pool not found") say
    // what is wrong with it.
    QVERIFY2(failure->message().contains(noPool)
                 && failure->message().contains(QStringLiteral("not found")),
             qPrintable(failure->message()));
    QCOMPARE(failure->code(), int(VIR_ERR_NO_STORAGE_POOL));

    QVirtConnection closed;
    const QFuture<QStringList> pools = closed.listStoragePools();
    QVERIFY(finishes(pools));
    QVERIFY2(failureText(pools).contains("not open"), failureText(pools).constData());
}

void tst_VolumeTransfers::uploadAndDownloadAreByteExact()
{
    constexpr qint64 size = 2 * MiB;
    Volume volume(m_conn.handle(), "roundtrip", size);
    QVERIFY(volume.get());
    const QString name = QString::fromUtf8(virStorageVolGetName(volume.get()));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString sourcePath = dir.filePath(QStringLiteral("source"));
    QVERIFY(writeRandomFile(sourcePath, size));
    const QByteArray sourceHash = sha256OfFile(sourcePath);

    QFile source(sourcePath);
    QVERIFY(source.open(QIODevice::ReadOnly));
    std::unique_ptr<QVirtStreamTransfer> upload(m_conn.uploadVolume(m_pool, name, &source));
    QVERIFY(upload);
    QSignalSpy uploadEnded(upload.get(), &QVirtStreamTransfer::finished);
    const QString uploaded = runToEnd(upload.get());
    QVERIFY2(uploaded.isEmpty(), qPrintable(uploaded));
    QCOMPARE(uploadEnded.size(), 1);
    QCOMPARE(upload->bytesTransferred(), size);
    QCOMPARE(sha256OfFile(volume.path()), sourceHash);

    QFile target(dir.filePath(QStringLiteral("downloaded")));
    QVERIFY(target.open(QIODevice::WriteOnly));
    std::unique_ptr<QVirtStreamTransfer> download(m_conn.downloadVolume(m_pool, name, &target));
    const QString downloaded = runToEnd(download.get());
    QVERIFY2(downloaded.isEmpty(), qPrintable(downloaded));
    QCOMPARE(download->bytesTransferred(), size);
    target.close();
    QCOMPARE(sha256OfFile(target.fileName()), sourceHash);
}

void tst_VolumeTransfers::sparseDownloadKeepsHoles()
{
    // A 16 MiB volume with three 1 MiB extents of data: uploaded sparse
    // (the holes go as holes), downloaded sparse into a file that then has
    // the same data extents, and allocates about the data only.
    constexpr qint64 size = 16 * MiB;
    const QList<qint64> offsets = {0, 6 * MiB, 15 * MiB};
    Volume volume(m_conn.handle(), "sparse", size);
    QVERIFY(volume.get());
    const QString name = QString::fromUtf8(virStorageVolGetName(volume.get()));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString sourcePath = dir.filePath(QStringLiteral("source"));
    QVERIFY(writeSparseFile(sourcePath, size, offsets, MiB));
    const QList<QPair<qint64, qint64>> sourceExtents = dataExtents(sourcePath);

    QFile source(sourcePath);
    QVERIFY(source.open(QIODevice::ReadOnly));
    std::unique_ptr<QVirtStreamTransfer> upload(m_conn.uploadVolume(m_pool, name, &source, true));
    const QString uploaded = runToEnd(upload.get());
    QVERIFY2(uploaded.isEmpty(), qPrintable(uploaded));
    QVERIFY(upload->holeBytes() > 0);
    QCOMPARE(sha256OfFile(volume.path()), sha256OfFile(sourcePath));

    const QString targetPath = dir.filePath(QStringLiteral("downloaded"));
    QFile target(targetPath);
    QVERIFY(target.open(QIODevice::WriteOnly));
    std::unique_ptr<QVirtStreamTransfer> download(
        m_conn.downloadVolume(m_pool, name, &target, true));
    QVERIFY(download->isSparse());
    const QString downloaded = runToEnd(download.get());
    QVERIFY2(downloaded.isEmpty(), qPrintable(downloaded));
    QCOMPARE(download->bytesTransferred(), size);
    QCOMPARE(download->holeBytes(), size - qint64(offsets.size()) * MiB);
    target.close();
    QCOMPARE(fileSize(targetPath), size);
    QCOMPARE(sha256OfFile(targetPath), sha256OfFile(sourcePath));
    QCOMPARE(dataExtents(targetPath), sourceExtents);
    QVERIFY2(allocatedBytes(targetPath) <= 4 * MiB,
             qPrintable(QString::number(allocatedBytes(targetPath))));
}

void tst_VolumeTransfers::badPoolOrVolumeFailsClearly()
{
    // The failures come from the event loop, after the call returned, as
    // a StartError naming what was asked for, with libvirt's message.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile target(dir.filePath(QStringLiteral("never")));
    QVERIFY(target.open(QIODevice::WriteOnly));
    const QString noPool = QStringLiteral("qtvirt-no-such-pool");
    const QString noVolume = QStringLiteral("qtvirt-no-such-volume.img");

    std::unique_ptr<QVirtStreamTransfer> badPool(m_conn.downloadVolume(noPool, noVolume, &target));
    QSignalSpy badPoolFailed(badPool.get(), &QVirtStreamTransfer::errorOccurred);
    QVERIFY(!badPool->isFinished());
    std::unique_ptr<QVirtStreamTransfer> badVolume(m_conn.uploadVolume(m_pool, noVolume, &target));
    QSignalSpy badVolumeFailed(badVolume.get(), &QVirtStreamTransfer::errorOccurred);
    QTRY_COMPARE_WITH_TIMEOUT(badPoolFailed.size(), 1, ReplyMs);
    QTRY_COMPARE_WITH_TIMEOUT(badVolumeFailed.size(), 1, ReplyMs);
    QCOMPARE(badPool->error(), QVirtStreamTransfer::StartError);
    QCOMPARE(badVolume->error(), QVirtStreamTransfer::StartError);
    // libvirt's own words ("Storage pool not found", "Storage volume not
    // found") follow the names.
    QVERIFY2(badPool->errorString().contains(noPool)
                 && badPool->errorString().contains(QStringLiteral("not found")),
             qPrintable(badPool->errorString()));
    QVERIFY2(badVolume->errorString().contains(noVolume)
                 && badVolume->errorString().contains(QStringLiteral("not found")),
             qPrintable(badVolume->errorString()));
    QCOMPARE(target.size(), 0);

    // A connection that is not open fails the same way, also only once
    // the caller could connect to the signals.
    QVirtConnection closed;
    std::unique_ptr<QVirtStreamTransfer> notOpen(closed.downloadVolume(m_pool, noVolume, &target));
    QSignalSpy notOpenFailed(notOpen.get(), &QVirtStreamTransfer::errorOccurred);
    QVERIFY(notOpenFailed.wait(ReplyMs));
    QCOMPARE(notOpen->error(), QVirtStreamTransfer::StartError);
    QVERIFY2(notOpen->errorString().contains(QStringLiteral("not open")),
             qPrintable(notOpen->errorString()));
}

QTEST_GUILESS_MAIN(tst_VolumeTransfers)
#include "tst_volumetransfers.moc"
