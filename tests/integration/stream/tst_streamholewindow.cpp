// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A sparse download into a sequential device: the holes must reach it at the
// pace its reader sets, like the data, without stalling the event loop.

#include "streamtestsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtStream>
#include <QtVirt/QVirtStreamTransfer>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCryptographicHash>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QRandomGenerator>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>
#include <atomic>
#include <cstring>

using namespace StreamTest;

namespace {

constexpr qint64 GiB = 1024 * MiB;

// The peer of the device, in a thread of its own so that its pace does not
// depend on the loop under test: it reads as fast as it can, except for one
// pause, and checks every byte against the volume's layout as it goes. Data
// extents are hashed; everything else must be zero.
class SlowReader : public QThread
{
public:
    struct Layout
    {
        qint64 size = 0;
        QList<QPair<qint64, qint64>> extents; // [start, end), sorted
    };

    SlowReader(const QString &serverName, const Layout &layout, qint64 pauseAt, int pauseMs)
        : m_serverName(serverName)
        , m_layout(layout)
        , m_pauseAt(pauseAt)
        , m_pauseMs(pauseMs)
    { }

    qint64 received() const { return m_received.load(); }
    bool paused() const { return m_paused.load(); }
    // After the thread finished:
    QByteArray extentHash() const { return m_hash.result(); }
    qint64 firstStrayByte() const { return m_firstStray; }
    QString problem() const { return m_problem; }

protected:
    void run() override
    {
        QLocalSocket socket;
        socket.connectToServer(m_serverName);
        if (!socket.waitForConnected(10000)) {
            m_problem = QStringLiteral("cannot connect: ") + socket.errorString();
            return;
        }
        QByteArray chunk(4 * MiB, Qt::Uninitialized);
        while (m_received.load() < m_layout.size) {
            if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(30000)) {
                m_problem = QStringLiteral("no data for 30 s after %1 bytes: %2")
                                .arg(m_received.load())
                                .arg(socket.errorString());
                return;
            }
            const qint64 got = socket.read(chunk.data(), chunk.size());
            if (got < 0) {
                m_problem = socket.errorString();
                return;
            }
            check(chunk.constData(), got);
            m_received += got;
            if (!m_paused.load() && m_received.load() >= m_pauseAt) {
                // A reader busy elsewhere: the writer must wait for it.
                QThread::msleep(m_pauseMs);
                m_paused = true;
            }
        }
        // Nothing may follow the volume's last byte.
        if (socket.waitForReadyRead(200) && socket.bytesAvailable() > 0)
            m_problem = QStringLiteral("%1 bytes beyond the end").arg(socket.bytesAvailable());
    }

private:
    void check(const char *data, qint64 size)
    {
        static const QByteArray zeros(4 * MiB, '\0');
        qint64 offset = m_received.load();
        const qint64 end = offset + size;
        while (offset < end) {
            const char *at = data + (offset - m_received.load());
            const auto extent
                = std::find_if(m_layout.extents.cbegin(), m_layout.extents.cend(),
                               [&](const QPair<qint64, qint64> &e) { return offset < e.second; });
            if (extent != m_layout.extents.cend() && offset >= extent->first) {
                const qint64 step = std::min(end, extent->second) - offset;
                m_hash.addData(QByteArrayView(at, step));
                offset += step;
                continue;
            }
            const qint64 zerosEnd
                = extent != m_layout.extents.cend() ? std::min(end, extent->first) : end;
            const qint64 step = zerosEnd - offset;
            if (m_firstStray < 0 && std::memcmp(at, zeros.constData(), size_t(step)) != 0)
                m_firstStray = offset;
            offset += step;
        }
    }

    const QString m_serverName;
    const Layout m_layout;
    const qint64 m_pauseAt;
    const int m_pauseMs;
    std::atomic<qint64> m_received{0};
    std::atomic<bool> m_paused{false};
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    qint64 m_firstStray = -1;
    QString m_problem;
};

} // namespace

class tst_StreamHoleWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void holeIntoSlowSocketKeepsWindowAndLoop();
};

void tst_StreamHoleWindow::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
}

void tst_StreamHoleWindow::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_StreamHoleWindow::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

// A sparse download used to write each hole into a
// sequential device (a socket, a pipe, a QProcess) as zeros in one go,
// without looking at the device's write window that the data respects: a
// 4 GiB hole sat in the socket's write buffer at once (4 GiB of memory, and
// a loop busy copying it while keepalive went unanswered). Now a hole goes
// out at the reader's pace: while the reader pauses in the middle of the
// hole, the bytes queued on the device stay within a few MiB, the loop keeps
// running (a 1 s x 2 keepalive connection stays open, and a 20 ms timer is
// never held up for long), and the reader receives every byte in place.
void tst_StreamHoleWindow::holeIntoSlowSocketKeepsWindowAndLoop()
{
    constexpr qint64 extentSize = 1 * MiB;
    constexpr qint64 holeSize = 4 * GiB;
    constexpr qint64 size = extentSize + holeSize + extentSize;
    constexpr int pauseMs = 3000;
    // The transfer's window, a message of zeros, and some slack.
    constexpr qint64 peakAllowed = 6 * MiB;

    QVirtConnection conn;
    conn.setKeepAliveInterval(1);
    conn.setKeepAliveCount(2);
    QVERIFY(conn.openBlocking(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_QEMU_URI"))));
    QSignalSpy closed(&conn, &QVirtConnection::closed);

    // Data, a 4 GiB hole, data: the dir pool keeps the raw file sparse.
    const Volume volume(conn.handle(), "hole-socket", size);
    QVERIFY(volume.get());
    SlowReader::Layout layout;
    layout.size = size;
    layout.extents = {{0, extentSize}, {size - extentSize, size}};
    QCryptographicHash expectedHash(QCryptographicHash::Sha256);
    {
        QFile file(volume.path());
        QVERIFY(file.open(QIODevice::ReadWrite));
        for (const auto &extent : layout.extents) {
            QByteArray data(extent.second - extent.first, Qt::Uninitialized);
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()),
                                                  data.size() / sizeof(quint32));
            QVERIFY(file.seek(extent.first));
            QCOMPARE(file.write(data), data.size());
            expectedHash.addData(data);
        }
    }
    QCOMPARE(dataExtents(volume.path()), layout.extents);

    LocalListener listener;
    QVERIFY(listener.isListening());
    // The pause starts a quarter into the hole.
    SlowReader reader(listener.name(), layout, extentSize + holeSize / 4, pauseMs);
    reader.start();
    const auto joinReader = qScopeGuard([&] { reader.wait(); });
    const std::unique_ptr<QLocalSocket> device(listener.accept(10000));
    QVERIFY(device);

    QVirtStream stream(conn.handle());
    QCOMPARE(virStorageVolDownload(volume.get(), stream.stream(), 0, 0,
                                   VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM),
             0);
    QVirtStreamTransfer download(&stream, device.get(), QVirtStreamTransfer::Download);
    download.setSparse(true);

    // What the device holds, sampled whenever it changes, and how long the
    // loop went without running a 20 ms timer.
    qint64 peak = 0;
    const auto sample = [&] { peak = std::max(peak, device->bytesToWrite()); };
    connect(&download, &QVirtStreamTransfer::progress, this, sample);
    connect(device.get(), &QIODevice::bytesWritten, this, sample);
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(20);
    connect(&ticker, &QTimer::timeout, this, [&] {
        longestGap = std::max(longestGap, sinceTick.restart());
        sample();
    });

    QElapsedTimer elapsed;
    elapsed.start();
    QSignalSpy finished(&download, &QVirtStreamTransfer::finished);
    sinceTick.start();
    ticker.start();
    download.start();
    QVERIFY(download.isFinished() || finished.wait(120000));
    QCOMPARE(download.errorString(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(device->bytesToWrite() == 0 && reader.received() >= size, 60000);
    ticker.stop();
    QVERIFY(reader.wait(10000));
    qInfo("%lld MiB in %lld ms; peak bytesToWrite %lld KiB; longest loop gap %lld ms", size / MiB,
          elapsed.elapsed(), peak / 1024, longestGap);

    QCOMPARE(reader.problem(), QString());
    QVERIFY(reader.paused());
    QCOMPARE(reader.received(), size);
    QCOMPARE(reader.firstStrayByte(), qint64(-1));
    QCOMPARE(reader.extentHash(), expectedHash.result());
    QCOMPARE(download.bytesTransferred(), size);
    QCOMPARE(download.holeBytes(), holeSize);

    QVERIFY2(peak <= peakAllowed, qPrintable(QStringLiteral("peak %1 bytes").arg(peak)));
    // Keepalive gives up after 2 s of silence; the pause alone lasted 3 s.
    QVERIFY2(longestGap < 1000, qPrintable(QStringLiteral("loop stalled %1 ms").arg(longestGap)));
    QCOMPARE(closed.size(), 0);
    QVERIFY(conn.isOpen());
}

QTEST_GUILESS_MAIN(tst_StreamHoleWindow)
#include "tst_streamholewindow.moc"
