// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Every entry point may be called from any thread (libvirt's RPC client
// toggles its watch from whichever thread makes a call), while notifiers and
// timers can only be touched in the loop thread. These tests also run under
// ThreadSanitizer: everything they share across threads is atomic or handed
// over through thread start and join.

#include "eventtestutil.h"
#include "testsupport.h"

#include <QtCore/QSet>
#include <QtTest/QTest>

#include <memory>

using namespace QtVirtUnit;

namespace {

// A change made from another thread must wake the sleeping loop thread. On
// an idle machine that takes well under a millisecond; the limit is for a
// loaded one, and a loop that is not woken sleeps far longer (its next
// deadline, or forever).
constexpr int kWakeLimitMs = 2000;

// Runs work in a thread and joins it, aborting the process if that takes
// longer than limit: a call that waits for the (blocked) loop thread would
// otherwise hang the test.
template<typename Work>
void runBlockingLoopThread(Work work, std::chrono::milliseconds limit, const char *what)
{
    std::thread worker(work);
    const Watchdog watchdog(limit, what);
    worker.join();
}

} // namespace

class tst_Threads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void concurrentAddUpdateRemoveStress();
    void handleAddedFromOtherThreadIsDispatched();
    void handleUpdatedFromOtherThreadWakesLoop();
    void timeoutUpdatedFromOtherThreadWakesLoop_data();
    void timeoutUpdatedFromOtherThreadWakesLoop();
    void callsFromOtherThreadNeverWaitForLoopThread();
    void removedFromOtherThreadNeverFiresAfterwards();
    void freeCallbackRunsInLoopThreadWhenRemovedFromOtherThread();
    void waitForPendingFreesFromOtherThreadWhileLoopRuns();
    void waitForPendingFreesFromOtherThreadTimesOutWhileLoopIsBlocked();

private:
    EventFixture m_fx;
};

void tst_Threads::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
}

void tst_Threads::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_Threads::cleanup()
{
    const QString problems = m_fx.tearDown();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// Four threads (two QThreads, two std::threads) add, update and remove
// handles and timeouts while the loop dispatches them: the fds are always
// ready and half of the timeouts are 0, so callbacks race with every change.
// Ids are synchronous, positive and unique; every free callback runs once,
// in the loop thread; no callback runs elsewhere; Qt never complains.
void tst_Threads::concurrentAddUpdateRemoveStress()
{
    constexpr int kThreads = 4;
    constexpr int kCycles = 500;

    struct Worker
    {
        SocketPair *sockets = nullptr;
        std::vector<Recorder *> recs;
        std::vector<int> handleIds;
        std::vector<int> timeoutIds;
        int failedRemoves = 0;
    };
    std::vector<Worker> workers(kThreads);
    for (Worker &w : workers) {
        w.sockets = &m_fx.socketPair();
        QVERIFY(writeByte(w.sockets->end(1)));
        for (int i = 0; i < 2 * kCycles; ++i)
            w.recs.push_back(&m_fx.recorder());
    }

    std::atomic<int> finished{0};
    const auto work = [this, &finished](Worker &w) {
        const int fd = w.sockets->end(0);
        for (int c = 0; c < kCycles; ++c) {
            const int h = m_fx.addHandle(*w.recs[2 * c], fd, VIR_EVENT_HANDLE_READABLE);
            const int t = m_fx.addTimeout(*w.recs[2 * c + 1], c % 2 ? 0 : 5);
            w.handleIds.push_back(h);
            w.timeoutIds.push_back(t);
            virEventUpdateHandle(h, VIR_EVENT_HANDLE_WRITABLE);
            virEventUpdateTimeout(t, 0);
            if (c % 10 == 0)
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            virEventUpdateHandle(h, 0);
            virEventUpdateHandle(h, VIR_EVENT_HANDLE_READABLE);
            virEventUpdateTimeout(t, c % 3 ? -1 : 1);
            if (virEventRemoveHandle(h) != 0)
                ++w.failedRemoves;
            if (virEventRemoveTimeout(t) != 0)
                ++w.failedRemoves;
        }
        ++finished;
    };

    {
        const Watchdog watchdog(std::chrono::seconds(90), "concurrentAddUpdateRemoveStress");
        std::unique_ptr<QThread> q0(QThread::create(work, std::ref(workers[0])));
        std::unique_ptr<QThread> q1(QThread::create(work, std::ref(workers[1])));
        q0->start();
        q1->start();
        std::thread s2(work, std::ref(workers[2]));
        std::thread s3(work, std::ref(workers[3]));
        const bool allFinished = runLoopUntil([&] { return finished == kThreads; }, 60000);
        q0->wait();
        q1->wait();
        s2.join();
        s3.join();
        QVERIFY(allFinished);
    }

    QSet<int> handleIds;
    QSet<int> timeoutIds;
    for (const Worker &w : workers) {
        QCOMPARE(w.failedRemoves, 0);
        for (int id : w.handleIds) {
            QVERIFY2(id > 0, qPrintable(QString::number(id)));
            QVERIFY2(!handleIds.contains(id),
                     qPrintable(QStringLiteral("handle id %1 twice").arg(id)));
            handleIds.insert(id);
        }
        for (int id : w.timeoutIds) {
            QVERIFY2(id > 0, qPrintable(QString::number(id)));
            QVERIFY2(!timeoutIds.contains(id),
                     qPrintable(QStringLiteral("timeout id %1 twice").arg(id)));
            timeoutIds.insert(id);
        }
    }
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(10000)));
    for (const Worker &w : workers) {
        for (const Recorder *rec : w.recs)
            QCOMPARE(rec->frees.load(), 1);
    }
}

// The loop sleeps with nothing to do; a handle added from another thread on
// a readable fd must wake it and be dispatched in the loop thread.
void tst_Threads::handleAddedFromOtherThreadIsDispatched()
{
    Pipe &p = m_fx.pipe();
    QVERIFY(p.writeByte());
    Recorder &rec = m_fx.recorder();
    rec.drain = true;
    QEventLoop loop;
    rec.onEvent = [&loop](int, int, int) { quitSoon(loop); };

    std::atomic<int> id{0};
    std::thread adder([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        id = m_fx.addHandle(rec, p.readFd(), VIR_EVENT_HANDLE_READABLE);
    });
    const bool dispatched = runLoopUntilQuit(loop, kWakeLimitMs);
    adder.join();
    QVERIFY(id > 0);
    QVERIFY(dispatched);
    QCOMPARE(rec.lastId.load(), id.load());
    QCOMPARE(rec.lastFd.load(), p.readFd());
    QVERIFY(!rec.calledOffLoopThread);
}

// The RPC client arms its watch from the calling thread while the loop
// sleeps.
void tst_Threads::handleUpdatedFromOtherThreadWakesLoop()
{
    Pipe &p = m_fx.pipe();
    QVERIFY(p.writeByte());
    Recorder &rec = m_fx.recorder();
    rec.drain = true;
    QEventLoop loop;
    rec.onEvent = [&loop](int, int, int) { quitSoon(loop); };
    const int id = m_fx.addHandle(rec, p.readFd(), 0);
    QVERIFY(id > 0);
    runLoopFor(50);

    std::thread updater([id] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        virEventUpdateHandle(id, VIR_EVENT_HANDLE_READABLE);
    });
    const bool dispatched = runLoopUntilQuit(loop, kWakeLimitMs);
    updater.join();
    QVERIFY(dispatched);
    QCOMPARE(rec.calls.load(), 1);
    QVERIFY(!rec.calledOffLoopThread);
}

void tst_Threads::timeoutUpdatedFromOtherThreadWakesLoop_data()
{
    QTest::addColumn<int>("initial");
    QTest::newRow("disabled") << -1;
    QTest::newRow("far away") << 60000;
}

// Queued domain events are flushed by a 0 timeout armed from whichever
// thread queued them: the sleeping loop must notice at once.
void tst_Threads::timeoutUpdatedFromOtherThreadWakesLoop()
{
    QFETCH(int, initial);

    Recorder &rec = m_fx.recorder();
    QEventLoop loop;
    rec.onTimeout = [&loop](int id) {
        virEventUpdateTimeout(id, -1);
        quitSoon(loop);
    };
    const int id = m_fx.addTimeout(rec, initial);
    QVERIFY(id > 0);
    runLoopFor(50);

    std::thread updater([id] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        virEventUpdateTimeout(id, 0);
    });
    const bool fired = runLoopUntilQuit(loop, kWakeLimitMs);
    updater.join();
    QVERIFY(fired);
    QCOMPARE(rec.calls.load(), 1);
}

// A thread that holds a libvirt lock calls into the loop while the loop
// thread waits for that lock in a callback: a call that waited for the loop
// thread would deadlock. Here the loop thread is blocked in join() while
// the other thread does everything; removal takes effect although the loop
// never saw the registrations.
void tst_Threads::callsFromOtherThreadNeverWaitForLoopThread()
{
    Pipe &p = m_fx.pipe();
    QVERIFY(p.writeByte());
    Recorder &handle = m_fx.recorder();
    Recorder &timeout = m_fx.recorder();
    std::atomic<int> h{0};
    std::atomic<int> t{0};
    std::atomic<int> removedHandle{1};
    std::atomic<int> removedTimeout{1};
    runBlockingLoopThread(
        [&] {
            h = m_fx.addHandle(handle, p.readFd(), VIR_EVENT_HANDLE_READABLE);
            virEventUpdateHandle(h, 0);
            virEventUpdateHandle(h, VIR_EVENT_HANDLE_READABLE);
            t = m_fx.addTimeout(timeout, 0);
            virEventUpdateTimeout(t, 10);
            virEventUpdateTimeout(t, 0);
            removedHandle = virEventRemoveHandle(h);
            removedTimeout = virEventRemoveTimeout(t);
        },
        std::chrono::seconds(10), "calls from another thread while the loop thread is blocked");
    QVERIFY(h > 0);
    QVERIFY(t > 0);
    QCOMPARE(removedHandle.load(), 0);
    QCOMPARE(removedTimeout.load(), 0);

    runLoopFor(200);
    QCOMPARE(handle.calls.load(), 0);
    QCOMPARE(timeout.calls.load(), 0);
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
    QCOMPARE(handle.frees.load(), 1);
    QCOMPARE(timeout.frees.load(), 1);
}

// Registrations that fire on every iteration are removed by another thread
// while the loop thread is blocked; once the loop runs again, neither may
// fire: the loop must not act on readiness or expiry it saw before.
void tst_Threads::removedFromOtherThreadNeverFiresAfterwards()
{
    Pipe &p = m_fx.pipe();
    QVERIFY(p.writeByte());
    Recorder &handle = m_fx.recorder();
    Recorder &timeout = m_fx.recorder();
    const int h = m_fx.addHandle(handle, p.readFd(), VIR_EVENT_HANDLE_READABLE);
    const int t = m_fx.addTimeout(timeout, 0);
    QVERIFY(h > 0);
    QVERIFY(t > 0);
    QVERIFY(runLoopUntil([&] { return handle.calls > 2 && timeout.calls > 2; }, 5000));

    std::atomic<int> removedHandle{1};
    std::atomic<int> removedTimeout{1};
    runBlockingLoopThread(
        [&] {
            removedHandle = virEventRemoveHandle(h);
            removedTimeout = virEventRemoveTimeout(t);
        },
        std::chrono::seconds(10), "removal from another thread");
    QCOMPARE(removedHandle.load(), 0);
    QCOMPARE(removedTimeout.load(), 0);
    const int handleCalls = handle.calls;
    const int timeoutCalls = timeout.calls;

    runLoopFor(200);
    QCOMPARE(handle.calls.load(), handleCalls);
    QCOMPARE(timeout.calls.load(), timeoutCalls);
}

// Removed from another thread while the loop runs: the free callback still
// runs in the loop thread, where libvirt's objects expect it.
void tst_Threads::freeCallbackRunsInLoopThreadWhenRemovedFromOtherThread()
{
    Pipe &p = m_fx.pipe();
    Recorder &handle = m_fx.recorder();
    Recorder &timeout = m_fx.recorder();
    std::atomic<QThread *> handleFreedIn{nullptr};
    std::atomic<QThread *> timeoutFreedIn{nullptr};
    handle.onFree = [&] { handleFreedIn = QThread::currentThread(); };
    timeout.onFree = [&] { timeoutFreedIn = QThread::currentThread(); };
    const int h = m_fx.addHandle(handle, p.readFd(), VIR_EVENT_HANDLE_READABLE);
    const int t = m_fx.addTimeout(timeout, 10);
    QVERIFY(h > 0);
    QVERIFY(t > 0);

    std::atomic<int> removed{0};
    std::thread remover([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        removed = (virEventRemoveHandle(h) == 0) + (virEventRemoveTimeout(t) == 0);
    });
    const bool freed = runLoopUntil([&] { return handle.frees > 0 && timeout.frees > 0; }, 5000);
    remover.join();
    QCOMPARE(removed.load(), 2);
    QVERIFY(freed);
    QCOMPARE(handleFreedIn.load(), QCoreApplication::instance()->thread());
    QCOMPARE(timeoutFreedIn.load(), QCoreApplication::instance()->thread());
}

// An application's shutdown path may run in another thread: it waits while
// the loop thread runs the free callbacks, and when it returns true they
// have all run.
void tst_Threads::waitForPendingFreesFromOtherThreadWhileLoopRuns()
{
    Pipe &p = m_fx.pipe();
    std::vector<Recorder *> recs;
    std::vector<int> handleIds;
    std::vector<int> timeoutIds;
    for (int i = 0; i < 10; ++i) {
        Recorder &h = m_fx.recorder();
        Recorder &t = m_fx.recorder();
        recs.push_back(&h);
        recs.push_back(&t);
        handleIds.push_back(m_fx.addHandle(h, p.readFd(), 0));
        timeoutIds.push_back(m_fx.addTimeout(t, -1));
    }

    std::atomic<bool> done{false};
    std::atomic<bool> waited{false};
    std::atomic<int> removed{0};
    std::atomic<int> freedWhenWaitReturned{0};
    std::thread closer([&] {
        for (int id : handleIds)
            removed += virEventRemoveHandle(id) == 0;
        for (int id : timeoutIds)
            removed += virEventRemoveTimeout(id) == 0;
        waited = QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(10000));
        for (const Recorder *rec : recs)
            freedWhenWaitReturned += rec->frees.load();
        done = true;
    });
    const bool finished = runLoopUntil([&] { return done.load(); }, 15000);
    closer.join();
    QVERIFY(finished);
    QCOMPARE(removed.load(), 20);
    QVERIFY(waited);
    QCOMPARE(freedWhenWaitReturned.load(), 20);
}

// From another thread waitForPendingFrees() only waits: with the loop
// thread blocked, the deadline passes and it says so.
void tst_Threads::waitForPendingFreesFromOtherThreadTimesOutWhileLoopIsBlocked()
{
    Recorder &rec = m_fx.recorder();
    const int id = m_fx.addTimeout(rec, -1);
    QVERIFY(id > 0);
    QCOMPARE(virEventRemoveTimeout(id), 0);

    std::atomic<bool> waited{true};
    QElapsedTimer waiting;
    waiting.start();
    runBlockingLoopThread(
        [&] { waited = QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(200)); },
        std::chrono::seconds(10), "waitForPendingFrees with a deadline");
    QVERIFY(!waited);
    QVERIFY(waiting.elapsed() >= 150);
    QCOMPARE(rec.frees.load(), 0);

    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
    QCOMPARE(rec.frees.load(), 1);
}

QTEST_GUILESS_MAIN(tst_Threads)
#include "tst_threads.moc"
