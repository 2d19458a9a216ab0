// SPDX-License-Identifier: LGPL-2.1-or-later
//
// What becomes of QVirtConnection's domain operations (QFuture-returning
// calls run in a thread pool) when their future is canceled or their
// connection is destroyed before or while they run, and how an operation on
// an invalid QVirtDomainRef fails.

#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QSemaphore>
#include <QtCore/QSet>
#include <QtCore/QThread>
#include <QtCore/QThreadPool>
#include <QtTest/QTest>

#include <atomic>
#include <csignal>
#include <functional>
#include <optional>
#include <thread>

#include <linux/sockios.h>
#include <sys/ioctl.h>

using namespace QtVirtIntegration;

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

// Occupies every thread of a thread pool until release(), so that what is
// queued on the pool meanwhile is known not to have started.
class PoolBlocker
{
public:
    explicit PoolBlocker(QThreadPool *pool)
        : m_pool(pool)
        , m_count(pool->maxThreadCount())
    {
        for (int i = 0; i < m_count; ++i) {
            m_pool->start([this] {
                m_started.release();
                m_gate.acquire();
            });
        }
    }
    ~PoolBlocker() { release(); }
    PoolBlocker(const PoolBlocker &) = delete;
    PoolBlocker &operator=(const PoolBlocker &) = delete;

    // Whether every thread of the pool is held.
    bool waitUntilFull() { return m_started.tryAcquire(m_count, 10000); }
    // Lets the held threads go and waits until the pool is idle.
    bool release()
    {
        if (!m_released) {
            m_gate.release(m_count);
            m_released = true;
        }
        return m_pool->waitForDone(10000);
    }

private:
    QThreadPool *const m_pool;
    const int m_count;
    QSemaphore m_started;
    QSemaphore m_gate;
    bool m_released = false;
};

// Where the continuation attached with onCanceled() ran, if it ran.
struct CanceledProbe
{
    std::atomic<QThread *> thread{nullptr};
    std::atomic<int> runs{0};

    void attach(QFuture<void> &future)
    {
        // No context object: such a continuation runs in the thread that
        // finishes (or drops) the operation's promise, which is what is tested.
        future.onCanceled([this] {
            thread = QThread::currentThread();
            ++runs;
        });
    }
};

int domainState(virConnectPtr conn, const QByteArray &name)
{
    const Domain dom(virDomainLookupByName(conn, name.constData()));
    int state = -1;
    if (!dom || virDomainGetState(dom.get(), &state, nullptr, 0) < 0)
        return -1;
    return state;
}

// The process's open sockets, to tell which one a connection opened.
QSet<int> openSockets()
{
    QSet<int> sockets;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &entry : fds.entryList(QDir::Files | QDir::System)) {
        if (QFile::symLinkTarget(fds.filePath(entry)).contains(QLatin1String("socket:[")))
            sockets.insert(entry.toInt());
    }
    return sockets;
}

// True when one of the sockets has bytes its peer has not read: a frozen
// daemon reads nothing, so a request sent to it stays there.
bool holdsUnreadRequest(const QSet<int> &sockets)
{
    for (const int fd : sockets) {
        int unread = 0;
        if (::ioctl(fd, SIOCOUTQ, &unread) == 0 && unread > 0)
            return true;
    }
    return false;
}

} // namespace

class tst_DomainOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void queuedOperationDoesNotRunAfterItsConnectionIsDestroyed();
    void queuedOperationDoesNotRunAfterItsFutureIsCanceled();
    void runningOperationCompletesAndIsDroppedInTheOwnerThread();
    void invalidDomainRefFailsAtOnce();
    void continuationMayDestroyTheConnection();
    void canceledContinuationMayUseTheConnection();
    void queuedOperationOutlivingItsConnectionLeavesThePoolFree();

private:
    // Defines and starts a domain on the testbed's test driver, in the
    // janitor's care. Empty on failure, after failing the test.
    QByteArray startDomain(const char *purpose);

    QString m_uri;
    Connection m_raw;
    DomainJanitor m_janitor;
};

void tst_DomainOperations::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    QVERIFY(!m_uri.isEmpty());
    m_raw = openTestConnection();
    QVERIFY(m_raw);
}

void tst_DomainOperations::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_DomainOperations::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

QByteArray tst_DomainOperations::startDomain(const char *purpose)
{
    const QByteArray name = m_janitor.track(uniqueDomainName(purpose));
    const Domain dom(virDomainDefineXML(m_raw.get(), testDomainXml(name).constData()));
    if (!dom || virDomainCreate(dom.get()) < 0) {
        QTest::qFail(qPrintable(lastError()), __FILE__, __LINE__);
        return {};
    }
    return name;
}

// A domain operation queued in the thread pool used to
// keep the QPromise of its future, and ran its libvirt call whenever a pool
// thread took it, even after its QVirtConnection had been destroyed: a
// destroyDomain() the application had given up on still killed the domain,
// and the promise then died in the pool thread, so continuations without a
// context ran there. An operation that has not started when its connection
// is destroyed must not run, and its future is canceled in the thread that
// owned the connection.
void tst_DomainOperations::queuedOperationDoesNotRunAfterItsConnectionIsDestroyed()
{
    const QByteArray name = startDomain("queued-destroy");
    QVERIFY(!name.isEmpty());
    auto *conn = new QVirtConnection;
    QVERIFY2(conn->openBlocking(m_uri), qPrintable(conn->errorString()));

    PoolBlocker blocker(QThreadPool::globalInstance());
    QVERIFY(blocker.waitUntilFull());
    QFuture<void> future = conn->destroyDomain(QVirtDomainRef(QString::fromUtf8(name), QUuid()));
    CanceledProbe probe;
    probe.attach(future);
    QVERIFY(!future.isFinished());

    delete conn;
    QVERIFY(blocker.release());
    QCoreApplication::processEvents();
    QTest::qWait(100); // whatever the pool thread posted has arrived

    QCOMPARE(domainState(m_raw.get(), name), int(VIR_DOMAIN_RUNNING));
    QVERIFY(future.isCanceled());
    QCOMPARE(probe.runs.load(), 1);
    QCOMPARE(probe.thread.load(), QThread::currentThread());
}

// Canceling the future of a queued operation did not stop
// it: the pool thread ran the libvirt call anyway. An operation whose future
// is canceled before it starts must not run; its onCanceled() continuation
// still runs, in the connection's thread, and the connection stays usable.
void tst_DomainOperations::queuedOperationDoesNotRunAfterItsFutureIsCanceled()
{
    const QByteArray name = startDomain("canceled-destroy");
    QVERIFY(!name.isEmpty());
    const QVirtDomainRef domain(QString::fromUtf8(name), QUuid());
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));

    CanceledProbe probe;
    {
        PoolBlocker blocker(QThreadPool::globalInstance());
        QVERIFY(blocker.waitUntilFull());
        QFuture<void> future = conn.destroyDomain(domain);
        probe.attach(future);
        future.cancel();
        QVERIFY(blocker.release());
    }
    QTRY_COMPARE(probe.runs.load(), 1);
    QCOMPARE(probe.thread.load(), QThread::currentThread());
    QCOMPARE(domainState(m_raw.get(), name), int(VIR_DOMAIN_RUNNING));

    // The same operation, not canceled, does what the canceled one did not.
    QFuture<void> again = conn.destroyDomain(domain);
    QTRY_VERIFY(again.isFinished());
    QVERIFY(!again.isCanceled());
    QCOMPARE(domainState(m_raw.get(), name), int(VIR_DOMAIN_SHUTOFF));
}

// An operation already inside its libvirt call when its
// connection is destroyed completes (the daemon may already be acting on
// it), but its result has nowhere to go: it is dropped, and the future is
// canceled in the connection's thread, never in the pool thread that ran the
// call (which is where the promise used to die). The daemon is frozen to
// hold the operation inside its call while the connection is destroyed.
void tst_DomainOperations::runningOperationCompletesAndIsDroppedInTheOwnerThread()
{
    const QByteArray name = startDomain("running-destroy");
    QVERIFY(!name.isEmpty());
    const auto daemon = static_cast<pid_t>(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    auto *conn = new QVirtConnection;
    conn->setKeepAliveInterval(0); // the freeze must not end the call
    const QSet<int> socketsBefore = openSockets();
    QVERIFY2(conn->openBlocking(m_uri), qPrintable(conn->errorString()));
    // Keepalive is off, so nothing but the operation sends on them.
    const QSet<int> connSockets = openSockets() - socketsBefore;
    QVERIFY(!connSockets.isEmpty());
    QThreadPool *pool = QThreadPool::globalInstance();
    QVERIFY(pool->waitForDone(10000));

    CanceledProbe probe;
    {
        const ProcessFreeze freeze(daemon);
        QVERIFY2(freeze.isFrozen(), qPrintable(freeze.errorString()));
        // The daemon read every request of the open: only the operation's
        // can be waiting below.
        QVERIFY(!holdsUnreadRequest(connSockets));
        QFuture<void> future
            = conn->destroyDomain(QVirtDomainRef(QString::fromUtf8(name), QUuid()));
        probe.attach(future);
        // A pool thread took the operation, and it is inside its libvirt
        // call: its request waits, unread, on the frozen daemon's socket.
        // (Once a request is out, the operation is past its last check for
        // cancellation; a timed wait could end before the thread got there.)
        QTRY_COMPARE(pool->activeThreadCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(holdsUnreadRequest(connSockets), 10000);
        // The daemon stays frozen while the connection is destroyed, and is
        // thawed from another thread a second later, so that the operation
        // is still inside its call then; the destructor itself does not wait
        // for the daemon.
        std::thread thaw([daemon] {
            std::this_thread::sleep_for(std::chrono::seconds(1));
            ::kill(daemon, SIGCONT);
        });
        delete conn;
        thaw.join();
        QVERIFY(future.isCanceled());
    }
    QVERIFY(pool->waitForDone(30000));
    QCoreApplication::processEvents();
    QCOMPARE(probe.runs.load(), 1);
    QCOMPARE(probe.thread.load(), QThread::currentThread());
    QCOMPARE(domainState(m_raw.get(), name), int(VIR_DOMAIN_SHUTOFF));
}

// An operation on an invalid (default-constructed)
// QVirtDomainRef went to the pool and asked the daemon for a domain with an
// empty name, to fail later with a confusing "no domain" message. It must
// fail at once, before any thread or daemon is involved, and say why.
void tst_DomainOperations::invalidDomainRefFailsAtOnce()
{
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));
    QVirtConnection closed;
    const QString expected
        = QStringLiteral("invalid domain reference: it has neither a name nor a UUID");
    // The operations added since fail the same way.
    using Operation = std::function<QFuture<void>(QVirtConnection *, const QVirtDomainRef &)>;
    using C = QVirtConnection;
    const auto discard = [](auto future) { return QFuture<void>(future); };
    const Operation operations[] = {
        [](C *c, const QVirtDomainRef &r) { return c->startDomain(r); },
        [](C *c, const QVirtDomainRef &r) { return c->shutdownDomain(r); },
        [](C *c, const QVirtDomainRef &r) { return c->destroyDomain(r); },
        [](C *c, const QVirtDomainRef &r) { return c->suspendDomain(r); },
        [](C *c, const QVirtDomainRef &r) { return c->resumeDomain(r); },
        [](C *c, const QVirtDomainRef &r) { return c->undefineDomain(r); },
        [](C *c, const QVirtDomainRef &r) { return c->rebootDomain(r); },
        [](C *c, const QVirtDomainRef &r) { return c->resetDomain(r); },
        [](C *c, const QVirtDomainRef &r) { return c->setDomainAutostart(r, true); },
        [](C *c, const QVirtDomainRef &r) { return c->setDomainMemory(r, 4096); },
        [](C *c, const QVirtDomainRef &r) { return c->setDomainVcpus(r, 1); },
        [discard](C *c, const QVirtDomainRef &r) { return discard(c->domainXml(r)); },
    };
    for (QVirtConnection *target : {&conn, &closed}) {
        for (const Operation &operation : operations) {
            QFuture<void> future = operation(target, QVirtDomainRef());
            QVERIFY(future.isFinished());
            QString message;
            try {
                future.waitForFinished();
            } catch (const QVirtError &error) {
                message = error.message();
            }
            QCOMPARE(message, expected);
        }
    }
}

// A finished operation completed its promise
// first and freed itself afterwards. A continuation without a context runs
// inside that completion, and one that destroys the connection destroyed the
// operation with it (it was the connection's child); the operation then freed
// itself a second time. Destroying the connection from a continuation must be
// safe.
void tst_DomainOperations::continuationMayDestroyTheConnection()
{
    auto *conn = new QVirtConnection;
    QVERIFY2(conn->openBlocking(m_uri), qPrintable(conn->errorString()));
    bool destroyed = false;
    // No such domain: the operation fails, without touching the testbed.
    QFuture<void> future = conn->destroyDomain(
        QVirtDomainRef(QString::fromUtf8(uniqueDomainName("absent")), QUuid()));
    future.then([&conn, &destroyed](QFuture<void>) {
        delete conn;
        conn = nullptr;
        destroyed = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(destroyed, 10000);
    QVERIFY(future.isFinished());
    QCOMPARE(conn, nullptr);
}

// The operations a connection still had pending
// were destroyed as its QObject children, after ~QVirtConnection had freed
// its private data. Their futures were canceled only then, so an
// onCanceled() continuation that asked the connection anything read freed
// memory. Pending operations must be canceled while the connection is still
// whole.
void tst_DomainOperations::canceledContinuationMayUseTheConnection()
{
    auto *conn = new QVirtConnection;
    QVERIFY2(conn->openBlocking(m_uri), qPrintable(conn->errorString()));
    // A future takes one continuation: this one asks the connection.
    std::optional<QVirtConnection::State> seen;
    QThread *thread = nullptr;
    {
        PoolBlocker blocker(QThreadPool::globalInstance());
        QVERIFY(blocker.waitUntilFull());
        QFuture<void> future = conn->destroyDomain(
            QVirtDomainRef(QString::fromUtf8(uniqueDomainName("absent")), QUuid()));
        future.onCanceled([conn, &seen, &thread] {
            thread = QThread::currentThread();
            seen = conn->state();
        });
        delete conn;
        QVERIFY(future.isCanceled());
        QVERIFY(blocker.release());
    }
    QCOMPARE(thread, QThread::currentThread());
    QVERIFY(seen.has_value());
    QCOMPARE(*seen, QVirtConnection::State::Open);
}

// A queued operation holds a libvirt reference
// to its connection. When the connection was closed or destroyed first, the
// pool task dropped the last reference itself, and virConnectClose() made a
// round trip to the daemon in a thread of Qt's global pool: with the daemon
// frozen that thread blocked, and QCoreApplication's destructor, which waits
// for the global pool, with it. The task must hand its reference to a
// background teardown and end at once.
void tst_DomainOperations::queuedOperationOutlivingItsConnectionLeavesThePoolFree()
{
    const auto daemon = static_cast<pid_t>(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    auto *conn = new QVirtConnection;
    conn->setKeepAliveInterval(0); // the freeze must not end the close
    QVERIFY2(conn->openBlocking(m_uri), qPrintable(conn->errorString()));
    QThreadPool *pool = QThreadPool::globalInstance();
    {
        PoolBlocker blocker(pool);
        QVERIFY(blocker.waitUntilFull());
        QFuture<void> future = conn->destroyDomain(
            QVirtDomainRef(QString::fromUtf8(uniqueDomainName("absent")), QUuid()));
        // Its own teardown drops the connection's reference while the
        // daemon still answers; the queued task then holds the last one.
        delete conn;
        QVERIFY(future.isCanceled());
        QTest::qWait(500);
        const ProcessFreeze freeze(daemon);
        QVERIFY2(freeze.isFrozen(), qPrintable(freeze.errorString()));
        QElapsedTimer timer;
        timer.start();
        const bool idle = blocker.release();
        qInfo("the pool took %lld ms to become idle with the daemon frozen", timer.elapsed());
        QVERIFY2(idle, "a pool thread is blocked on the frozen daemon");
    }
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(10000)));
}

QTEST_GUILESS_MAIN(tst_DomainOperations)
#include "tst_domainoperations.moc"
