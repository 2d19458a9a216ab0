// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The domain operations that are jobs or change a
// domain's saved state. saveDomain(), restoreDomain() and
// managedSaveDomain() run libvirt's blocking call in a pool thread and
// report the save's progress as the QFuture's progress value, asked from
// the daemon (virDomainGetJobStats()) in a pool thread as well, and
// abortDomainJob() stops a job. Snapshots are listed as QVirtSnapshotInfo values (name,
// creation time, parent, current), created from XML, reverted to and
// deleted. Before these existed, an application made each of these calls
// itself, blocking whichever thread it used for as long as a save lasts or
// a frozen daemon does not answer, and had no progress at all unless it
// polled the job itself. Checked against the testbed's test driver (every
// operation) and its QEMU guest (save and restore, and a save aborted while
// it runs).

#include "futurefailures.h"
#include "integrationsupport.h"
#include "streamtestsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtSnapshotInfo>
#include <QtVirt/QVirtStream>
#include <QtVirt/QVirtStreamTransfer>
#include <QtVirt/QVirtVolumeInfo>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QBuffer>
#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QScopeGuard>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThreadPool>
#include <QtCore/QTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <optional>

namespace {

constexpr int ReplyMs = 20000;

void ignoreLibvirtError(void *, virErrorPtr) { }

template<typename T> bool finishes(const QFuture<T> &future, int ms = ReplyMs)
{
    return QtVirtIntegration::finishes(future, ms);
}

using QtVirtIntegration::failureOf;
using QtVirtIntegration::failureText;

int stateOf(virConnectPtr conn, const QByteArray &name)
{
    const QtVirtIntegration::Domain dom(virDomainLookupByName(conn, name.constData()));
    int state = -1;
    if (!dom || virDomainGetState(dom.get(), &state, nullptr, 0) < 0)
        return -1;
    return state;
}

// A running test-driver domain named for purpose, destroyed and undefined
// (with its snapshots and managed save image) when the test ends.
class TestDomain
{
public:
    TestDomain(virConnectPtr conn, const char *purpose)
        : m_conn(conn)
        , m_name(m_janitor.track(QtVirtIntegration::uniqueDomainName(purpose)))
    {
        const QtVirtIntegration::Domain dom(
            virDomainDefineXML(conn, QtVirtIntegration::testDomainXml(m_name).constData()));
        m_started = dom && virDomainCreate(dom.get()) == 0;
    }
    ~TestDomain()
    {
        const QtVirtIntegration::Domain dom(virDomainLookupByName(m_conn, m_name.constData()));
        if (!dom)
            return;
        if (virDomainIsActive(dom.get()) == 1)
            virDomainDestroy(dom.get());
        virDomainUndefineFlags(
            dom.get(), VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA);
    }
    TestDomain(const TestDomain &) = delete;
    TestDomain &operator=(const TestDomain &) = delete;

    bool isStarted() const { return m_started; }
    QByteArray name() const { return m_name; }
    QVirtDomainRef ref() const { return QVirtDomainRef(QString::fromUtf8(m_name), QUuid()); }

private:
    virConnectPtr const m_conn;
    QtVirtIntegration::DomainJanitor m_janitor;
    const QByteArray m_name;
    bool m_started = false;
};

} // namespace

class tst_DomainJobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void testDriverSaveAndRestore();
    void testDriverManagedSave();
    void qemuSaveAndRestore();
    void qemuSaveAbortedWhileRunning();
    void snapshotsListedCreatedRevertedDeleted();
    void unknownSnapshotFailsClearly();
    void frozenDaemonBlocksNoCaller();

private:
    QVirtConnection m_test;
    QVirtConnection m_qemu;
    QByteArray m_guestName;
};

void tst_DomainJobs::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    QVERIFY(m_test.openBlocking(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"))));
    QVERIFY(m_qemu.openBlocking(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_QEMU_URI"))));
    m_guestName = QtVirtTest::testbedValue("QTVIRT_TESTBED_DOMAIN");
    QVERIFY(!m_guestName.isEmpty());
}

void tst_DomainJobs::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_DomainJobs::cleanup()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(ReplyMs));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void tst_DomainJobs::cleanupTestCase()
{
    m_test.close();
    m_qemu.close();
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_DomainJobs::testDriverSaveAndRestore()
{
    // The test driver saves at once (the domain's XML into the file), so
    // the progress seen is the end: 100 once the save succeeded.
    TestDomain domain(m_test.handle(), "save");
    QVERIFY(domain.isStarted());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("saved"));
    const QFuture<void> save = m_test.saveDomain(domain.ref(), path);
    QVERIFY(finishes(save));
    QVERIFY2(!failureOf(save), failureText(save).constData());
    QCOMPARE(save.progressMinimum(), 0);
    QCOMPARE(save.progressMaximum(), 100);
    QCOMPARE(save.progressValue(), 100);
    QVERIFY(QFile::exists(path));
    QCOMPARE(stateOf(m_test.handle(), domain.name()), int(VIR_DOMAIN_SHUTOFF));

    const QFuture<void> restore = m_test.restoreDomain(path);
    QVERIFY(finishes(restore));
    QVERIFY2(!failureOf(restore), failureText(restore).constData());
    QCOMPARE(stateOf(m_test.handle(), domain.name()), int(VIR_DOMAIN_RUNNING));

    // Restoring what is not a save image fails with libvirt's message.
    QFile junk(dir.filePath(QStringLiteral("junk")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a saved domain");
    junk.close();
    const QFuture<void> bad = m_test.restoreDomain(junk.fileName());
    QVERIFY(finishes(bad));
    const std::optional<QVirtError> failure = failureOf(bad);
    QVERIFY(failure);
    QVERIFY2(!failure->message().isEmpty() && failure->code() != 0, qPrintable(failure->message()));
}

void tst_DomainJobs::testDriverManagedSave()
{
    TestDomain domain(m_test.handle(), "managedsave");
    QVERIFY(domain.isStarted());
    const QFuture<void> save = m_test.managedSaveDomain(domain.ref());
    QVERIFY(finishes(save));
    QVERIFY2(!failureOf(save), failureText(save).constData());
    QCOMPARE(save.progressValue(), 100);
    QCOMPARE(stateOf(m_test.handle(), domain.name()), int(VIR_DOMAIN_SHUTOFF));
    const QtVirtIntegration::Domain dom(
        virDomainLookupByName(m_test.handle(), domain.name().constData()));
    QVERIFY(dom);
    QCOMPARE(virDomainHasManagedSaveImage(dom.get(), 0), 1);

    // The next start restores it, and the image is gone.
    const QFuture<void> start = m_test.startDomain(domain.ref());
    QVERIFY(finishes(start));
    QVERIFY2(!failureOf(start), failureText(start).constData());
    QCOMPARE(stateOf(m_test.handle(), domain.name()), int(VIR_DOMAIN_RUNNING));
    QCOMPARE(virDomainHasManagedSaveImage(dom.get(), 0), 0);
}

void tst_DomainJobs::qemuSaveAndRestore()
{
    StreamTest::TestbedGuest guest(m_qemu.handle());
    QVERIFY(guest.get());
    const QVirtDomainRef ref(QString::fromUtf8(m_guestName), QUuid());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("guest.save"));
    const QFuture<void> save = m_qemu.saveDomain(ref, path);
    QVERIFY(finishes(save));
    QVERIFY2(!failureOf(save), failureText(save).constData());
    QCOMPARE(save.progressValue(), 100);
    QCOMPARE(stateOf(m_qemu.handle(), m_guestName), int(VIR_DOMAIN_SHUTOFF));
    QVERIFY(QFileInfo(path).size() > 0);

    const QFuture<void> restore = m_qemu.restoreDomain(path);
    QVERIFY(finishes(restore));
    QVERIFY2(!failureOf(restore), failureText(restore).constData());
    QCOMPARE(stateOf(m_qemu.handle(), m_guestName), int(VIR_DOMAIN_RUNNING));

    // With no job on the domain, there is nothing to abort: libvirt's
    // error, in the future.
    const QFuture<void> abort = m_qemu.abortDomainJob(ref);
    QVERIFY(finishes(abort));
    const std::optional<QVirtError> failure = failureOf(abort);
    QVERIFY(failure);
    QCOMPARE(failure->code(), int(VIR_ERR_OPERATION_INVALID));
}

void tst_DomainJobs::qemuSaveAbortedWhileRunning()
{
    StreamTest::TestbedGuest guest(m_qemu.handle());
    QVERIFY(guest.get());
    // Booted up to its shell: a guest saved the moment it starts has so
    // little in its memory that the whole image fits into the buffers
    // between QEMU and the FIFO, and the save then waits for the reader
    // after QEMU is done, where it cannot be aborted.
    {
        QVirtStream console(m_qemu.handle());
        const QString opened = StreamTest::openShellConsole(console, guest.get());
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
    }
    const QVirtDomainRef ref(QString::fromUtf8(m_guestName), QUuid());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A save into a FIFO that nobody reads stays running: QEMU's migration
    // stream fills the pipe and waits in write() for as long as the test
    // likes (a save into a file takes a fraction of a second here).
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("guest.save")));
    QCOMPARE(mkfifo(path.constData(), 0600), 0);
    // Open for reading first, so that the daemon's open for writing
    // returns at once.
    const int fifo = open(path.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    QVERIFY(fifo >= 0);
    // Gone before its reader: should QEMU ever finish, libvirt opens the
    // path again to complete the image's header, and that open of a FIFO
    // without a reader would wait forever, holding the domain's job.
    const auto closeFifo = qScopeGuard([fifo, path] {
        unlink(path.constData());
        close(fifo);
    });

    const QFuture<void> save = m_qemu.saveDomain(ref, QString::fromUtf8(path));
    const auto jobType = [this] {
        const QtVirtIntegration::Domain dom(
            virDomainLookupByName(m_qemu.handle(), m_guestName.constData()));
        virDomainJobInfo info{};
        return dom && virDomainGetJobInfo(dom.get(), &info) == 0 ? info.type : -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(save.isFinished() || jobType() == VIR_DOMAIN_JOB_UNBOUNDED, ReplyMs);
    // (failureText() waits for the future: only once it finished.)
    if (save.isFinished())
        QFAIL(QByteArray("the save ended before it could be aborted: " + failureText(save))
                  .constData());

    // libvirt asks QEMU to cancel and returns; QEMU sees it when its
    // blocked write() returns, so the test reads the pipe from now on, as
    // a slow disk would take the data.
    const QFuture<void> abort = m_qemu.abortDomainJob(ref);
    QVERIFY(finishes(abort));
    QVERIFY2(!failureOf(abort), failureText(abort).constData());
    QElapsedTimer waited;
    waited.start();
    char sink[65536];
    while (!save.isFinished() && waited.elapsed() < ReplyMs) {
        while (read(fifo, sink, sizeof sink) > 0) { }
        QTest::qWait(5);
    }
    QVERIFY(save.isFinished());
    const std::optional<QVirtError> failure = failureOf(save);
    QVERIFY(failure);
    QCOMPARE(failure->code(), int(VIR_ERR_OPERATION_ABORTED));
    QVERIFY2(failure->message().contains(QStringLiteral("canceled by client")),
             qPrintable(failure->message()));
    QVERIFY(save.progressValue() < 100);
    // The guest runs on, where it was paused for the save.
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(m_qemu.handle(), m_guestName), int(VIR_DOMAIN_RUNNING),
                              ReplyMs);
    QCOMPARE(jobType(), int(VIR_DOMAIN_JOB_NONE));
}

void tst_DomainJobs::snapshotsListedCreatedRevertedDeleted()
{
    TestDomain domain(m_test.handle(), "snapshots");
    QVERIFY(domain.isStarted());
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);

    const QFuture<QString> first = m_test.createDomainSnapshot(
        domain.ref(), QStringLiteral("<domainsnapshot><name>first</name></domainsnapshot>"));
    QVERIFY(finishes(first));
    QVERIFY2(!failureOf(first), failureText(first).constData());
    QCOMPARE(first.result(), QStringLiteral("first"));
    // With no name in the XML, libvirt picks one (the creation time).
    const QFuture<QString> second
        = m_test.createDomainSnapshot(domain.ref(), QStringLiteral("<domainsnapshot/>"));
    QVERIFY(finishes(second));
    QVERIFY2(!failureOf(second), failureText(second).constData());
    const QString secondName = second.result();
    QVERIFY(!secondName.isEmpty() && secondName != QStringLiteral("first"));
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);

    const auto list = [&]() -> QList<QVirtSnapshotInfo> {
        const QFuture<QList<QVirtSnapshotInfo>> listing = m_test.listDomainSnapshots(domain.ref());
        if (!finishes(listing) || failureOf(listing))
            return {};
        return listing.result();
    };
    const auto byName = [](const QList<QVirtSnapshotInfo> &infos, const QString &name) {
        for (const QVirtSnapshotInfo &info : infos) {
            if (info.name() == name)
                return info;
        }
        return QVirtSnapshotInfo();
    };
    QList<QVirtSnapshotInfo> infos = list();
    QCOMPARE(infos.size(), 2);
    QVirtSnapshotInfo firstInfo = byName(infos, QStringLiteral("first"));
    QVirtSnapshotInfo secondInfo = byName(infos, secondName);
    QVERIFY(!firstInfo.isNull() && !secondInfo.isNull());
    QCOMPARE(firstInfo.parent(), QString());
    QCOMPARE(secondInfo.parent(), QStringLiteral("first"));
    QVERIFY(!firstInfo.isCurrent());
    QVERIFY(secondInfo.isCurrent());
    for (const QVirtSnapshotInfo &info : infos) {
        QVERIFY2(info.creationTime() >= before && info.creationTime() <= after,
                 qPrintable(info.creationTime().toString(Qt::ISODate)));
    }

    const QFuture<void> revert = m_test.revertDomainSnapshot(domain.ref(), QStringLiteral("first"));
    QVERIFY(finishes(revert));
    QVERIFY2(!failureOf(revert), failureText(revert).constData());
    infos = list();
    QCOMPARE(infos.size(), 2);
    QVERIFY(byName(infos, QStringLiteral("first")).isCurrent());
    QVERIFY(!byName(infos, secondName).isCurrent());

    const QFuture<void> removal = m_test.deleteDomainSnapshot(domain.ref(), secondName);
    QVERIFY(finishes(removal));
    QVERIFY2(!failureOf(removal), failureText(removal).constData());
    infos = list();
    QCOMPARE(infos.size(), 1);
    QCOMPARE(infos.first().name(), QStringLiteral("first"));
    QVERIFY(infos.first().isCurrent());
    // The listing agrees with libvirt's own calls.
    const QtVirtIntegration::Domain dom(
        virDomainLookupByName(m_test.handle(), domain.name().constData()));
    QVERIFY(dom);
    QCOMPARE(virDomainSnapshotNum(dom.get(), 0), 1);
}

void tst_DomainJobs::unknownSnapshotFailsClearly()
{
    TestDomain domain(m_test.handle(), "nosnapshot");
    QVERIFY(domain.isStarted());
    const QFuture<void> revert
        = m_test.revertDomainSnapshot(domain.ref(), QStringLiteral("no-such-snapshot"));
    const QFuture<void> removal
        = m_test.deleteDomainSnapshot(domain.ref(), QStringLiteral("no-such-snapshot"));
    const QFuture<QString> bad
        = m_test.createDomainSnapshot(domain.ref(), QStringLiteral("<not-a-snapshot/>"));
    for (const QFuture<void> &future : {revert, removal}) {
        QVERIFY(finishes(future));
        const std::optional<QVirtError> failure = failureOf(future);
        QVERIFY(failure);
        QCOMPARE(failure->code(), int(VIR_ERR_NO_DOMAIN_SNAPSHOT));
        QVERIFY2(failure->message().contains(QStringLiteral("no-such-snapshot")),
                 qPrintable(failure->message()));
    }
    QVERIFY(finishes(bad));
    const std::optional<QVirtError> failure = failureOf(bad);
    QVERIFY(failure);
    QVERIFY2(failure->code() != 0 && !failure->message().isEmpty(), qPrintable(failure->message()));
    const QFuture<QList<QVirtSnapshotInfo>> empty = m_test.listDomainSnapshots(domain.ref());
    QVERIFY(finishes(empty));
    QVERIFY2(!failureOf(empty), failureText(empty).constData());
    QVERIFY(empty.result().isEmpty());
}

void tst_DomainJobs::frozenDaemonBlocksNoCaller()
{
    // Every new call from the GUI thread returns at once while the daemon
    // is frozen (SIGSTOP): the libvirt calls, the save's progress polls
    // and the volume lookups run in pool threads. Destroying the
    // connection cancels the futures at once, and a volume transfer whose
    // stream never came fails with a StartError.
    auto conn = std::make_unique<QVirtConnection>();
    QVERIFY(conn->openBlocking(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"))));
    const auto daemon = pid_t(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    // A domain, snapshot and volume that do not exist: what runs after the
    // thaw must change nothing.
    const QVirtDomainRef nobody(QString::fromUtf8(QtVirtIntegration::uniqueDomainName("frozen")),
                                QUuid());
    const QString nothing = QStringLiteral("qtvirt-no-such-thing");
    QBuffer sink;
    QVERIFY(sink.open(QIODevice::WriteOnly));
    QBuffer source;
    source.setData("data");
    QVERIFY(source.open(QIODevice::ReadOnly));
    {
        const QtVirtIntegration::ProcessFreeze freeze(daemon);
        QVERIFY2(freeze.isFrozen(), qPrintable(freeze.errorString()));
        QElapsedTimer timer;
        timer.start();
        const QList<QFuture<void>> futures = {
            conn->saveDomain(nobody, QStringLiteral("/nonexistent/qtvirt-save")),
            conn->managedSaveDomain(nobody),
            conn->restoreDomain(QStringLiteral("/nonexistent/qtvirt-save")),
            conn->abortDomainJob(nobody),
            conn->revertDomainSnapshot(nobody, nothing),
            conn->deleteDomainSnapshot(nobody, nothing),
        };
        const QFuture<QList<QVirtSnapshotInfo>> listing = conn->listDomainSnapshots(nobody);
        const QFuture<QString> creation
            = conn->createDomainSnapshot(nobody, QStringLiteral("<domainsnapshot/>"));
        const QFuture<QStringList> pools = conn->listStoragePools();
        const QFuture<QList<QVirtVolumeInfo>> volumes = conn->listStorageVolumes(nothing);
        std::unique_ptr<QVirtStreamTransfer> download(
            conn->downloadVolume(nothing, nothing, &sink));
        std::unique_ptr<QVirtStreamTransfer> upload(conn->uploadVolume(nothing, nothing, &source));
        const qint64 calling = timer.elapsed();
        QVERIFY2(calling < 100, qPrintable(QString::number(calling)));
        QSignalSpy downloadFailed(download.get(), &QVirtStreamTransfer::errorOccurred);
        QSignalSpy uploadFailed(upload.get(), &QVirtStreamTransfer::errorOccurred);

        // The loop runs (the save's progress timer among it); nothing can
        // have come back.
        int beats = 0;
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, this, [&] { ++beats; });
        heartbeat.start(10);
        QTest::qWait(500);
        QVERIFY2(beats >= 10, qPrintable(QString::number(beats)));
        for (const QFuture<void> &future : futures)
            QVERIFY(!future.isFinished());
        QVERIFY(!listing.isFinished() && !creation.isFinished());
        QVERIFY(!pools.isFinished() && !volumes.isFinished());
        QVERIFY(!download->isFinished() && !upload->isFinished());

        timer.restart();
        conn.reset();
        const qint64 destroying = timer.elapsed();
        QVERIFY2(destroying < 100, qPrintable(QString::number(destroying)));
        for (const QFuture<void> &future : futures)
            QVERIFY(future.isCanceled());
        QVERIFY(listing.isCanceled() && creation.isCanceled());
        QVERIFY(pools.isCanceled() && volumes.isCanceled());
        QTRY_COMPARE(downloadFailed.size(), 1);
        QTRY_COMPARE(uploadFailed.size(), 1);
        QCOMPARE(download->error(), QVirtStreamTransfer::StartError);
        QCOMPARE(upload->error(), QVirtStreamTransfer::StartError);
    }
    QVERIFY(QtVirtIntegration::restartDaemonIfItCrashedOnThaw(daemon));
    QVERIFY(QThreadPool::globalInstance()->waitForDone(ReplyMs));
}

QTEST_GUILESS_MAIN(tst_DomainJobs)
#include "tst_domainjobs.moc"
