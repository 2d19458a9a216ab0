// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Downloads into local files through QVirtStreamTransfer. The stream is the
// test driver's screenshot, which streams a file of libvirt's data
// directory through an fd stream in this process (src/test/test_driver.c,
// testDomainScreenshot).

#include "testsupport.h"

#include <QtVirt/QVirtStream>
#include <QtVirt/QVirtStreamTransfer>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtCore/QVariant>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <cerrno>
#include <csignal>
#include <sys/resource.h>

namespace {

// Where libvirt's test driver takes its screenshot from.
const char ScreenshotSource[] = "/usr/share/libvirt/test-screenshot.png";

void ignoreLibvirtError(void *, virErrorPtr) { }

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Lowers the file size limit for as long as it lives; writing past it then
// fails with EFBIG instead of raising SIGXFSZ.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_ok = ::getrlimit(RLIMIT_FSIZE, &m_saved) == 0;
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        const rlimit lowered{bytes, m_saved.rlim_max};
        m_ok = m_ok && ::setrlimit(RLIMIT_FSIZE, &lowered) == 0;
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    bool isActive() const { return m_ok; }

private:
    rlimit m_saved{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_ok = false;
};

} // namespace

class tst_StreamFileDownload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void everyByteReachesTheFile();
    void writingStartsAtTheFilePosition();
    void appendModeFileGetsTheDataAtItsEnd();
    void fileWriteErrorFailsTheTransfer();
    void deletingTheTransferFromProgressIsHarmless();

private:
    // Starts the screenshot on a new stream; the caller owns it.
    QVirtStream *startScreenshot();
    // Runs the transfer to its end; its error, empty on success.
    static QString run(QVirtStreamTransfer &transfer);

    virConnectPtr m_conn = nullptr;
    virDomainPtr m_domain = nullptr;
    QByteArray m_expected;
    QTemporaryDir m_dir;
};

void tst_StreamFileDownload::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    QVERIFY(m_dir.isValid());
    m_expected = readFile(QString::fromLatin1(ScreenshotSource));
    QVERIFY2(!m_expected.isEmpty(), ScreenshotSource);
    m_conn = virConnectOpen("test:///default");
    QVERIFY(m_conn);
    m_domain = virDomainLookupByName(m_conn, "test");
    QVERIFY(m_domain);
}

void tst_StreamFileDownload::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_StreamFileDownload::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_StreamFileDownload::cleanupTestCase()
{
    if (m_domain)
        virDomainFree(m_domain);
    if (m_conn)
        virConnectClose(m_conn);
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

QVirtStream *tst_StreamFileDownload::startScreenshot()
{
    auto *stream = new QVirtStream(m_conn);
    char *mime = virDomainScreenshot(m_domain, stream->stream(), 0, 0);
    if (!mime) {
        qWarning("virDomainScreenshot: %s", virGetLastErrorMessage());
        delete stream;
        return nullptr;
    }
    free(mime);
    return stream;
}

QString tst_StreamFileDownload::run(QVirtStreamTransfer &transfer)
{
    QSignalSpy finished(&transfer, &QVirtStreamTransfer::finished);
    transfer.start();
    if (!transfer.isFinished() && !finished.wait(10000))
        return QStringLiteral("the transfer did not finish");
    return transfer.errorString();
}

void tst_StreamFileDownload::everyByteReachesTheFile()
{
    const QString path = m_dir.filePath(QStringLiteral("every.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const std::unique_ptr<QVirtStream> stream(startScreenshot());
    QVERIFY(stream);
    QVirtStreamTransfer download(stream.get(), &file, QVirtStreamTransfer::Download);
    QCOMPARE(run(download), QString());
    QVERIFY(stream->isFinished());
    QCOMPARE(download.bytesTransferred(), m_expected.size());
    // The transfer leaves the file where a write() of it all would have.
    QCOMPARE(file.pos(), m_expected.size());
    file.close();
    QCOMPARE(readFile(path), m_expected);
}

void tst_StreamFileDownload::writingStartsAtTheFilePosition()
{
    const QString path = m_dir.filePath(QStringLiteral("offset.png"));
    const QByteArray header("kept header\n");
    const QByteArray stale(2 * m_expected.size(), 'x');
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QCOMPARE(file.write(header + stale), header.size() + stale.size());
    // Buffered in QFile, not yet in the file: the transfer must not lose it.
    QVERIFY(file.seek(header.size()));
    QCOMPARE(file.write("y"), 1);
    QVERIFY(file.seek(header.size()));
    const std::unique_ptr<QVirtStream> stream(startScreenshot());
    QVERIFY(stream);
    QVirtStreamTransfer download(stream.get(), &file, QVirtStreamTransfer::Download);
    QCOMPARE(run(download), QString());
    QCOMPARE(file.pos(), header.size() + m_expected.size());
    file.close();
    const QByteArray written = readFile(path);
    QCOMPARE(written.size(), header.size() + stale.size());
    QCOMPARE(written.left(header.size()), header);
    QCOMPARE(written.mid(header.size(), m_expected.size()), m_expected);
    QCOMPARE(written.mid(header.size() + m_expected.size()), stale.mid(m_expected.size()));
}

void tst_StreamFileDownload::appendModeFileGetsTheDataAtItsEnd()
{
    const QString path = m_dir.filePath(QStringLiteral("append.png"));
    const QByteArray before("first line\n");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(before), before.size());
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
    const std::unique_ptr<QVirtStream> stream(startScreenshot());
    QVERIFY(stream);
    QVirtStreamTransfer download(stream.get(), &file, QVirtStreamTransfer::Download);
    QCOMPARE(run(download), QString());
    file.close();
    QCOMPARE(readFile(path), before + m_expected);
}

void tst_StreamFileDownload::fileWriteErrorFailsTheTransfer()
{
    const QString path = m_dir.filePath(QStringLiteral("toolarge.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const std::unique_ptr<QVirtStream> stream(startScreenshot());
    QVERIFY(stream);
    QVirtStreamTransfer download(stream.get(), &file, QVirtStreamTransfer::Download);
    QSignalSpy failed(&download, &QVirtStreamTransfer::errorOccurred);
    QString error;
    {
        const FileSizeLimit limit(1024);
        QVERIFY(limit.isActive());
        error = run(download);
    }
    QCOMPARE(failed.size(), 1);
    QVERIFY2(error.contains(qt_error_string(EFBIG)), qPrintable(error));
    QVERIFY(download.isFinished());
    QVERIFY(download.bytesTransferred() < m_expected.size());
}

void tst_StreamFileDownload::deletingTheTransferFromProgressIsHarmless()
{
    const QString path = m_dir.filePath(QStringLiteral("abandoned.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const std::unique_ptr<QVirtStream> stream(startScreenshot());
    QVERIFY(stream);
    auto *download = new QVirtStreamTransfer(stream.get(), &file, QVirtStreamTransfer::Download);
    bool deleted = false;
    connect(download, &QVirtStreamTransfer::progress, this, [&] {
        if (!deleted) {
            deleted = true;
            delete download;
        }
    });
    download->start();
    QTRY_VERIFY_WITH_TIMEOUT(deleted, 10000);
    // Nothing left behind may touch the transfer or the file any more.
    QTest::qWait(100);
    QVERIFY(file.isOpen());
    file.close();
    QVERIFY(QFileInfo(path).size() <= m_expected.size());
}

QTEST_GUILESS_MAIN(tst_StreamFileDownload)
#include "tst_streamfiledownload.moc"
