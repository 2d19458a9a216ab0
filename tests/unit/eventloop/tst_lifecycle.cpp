// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Registration, ids and free callbacks: what libvirt's object lifetimes rely
// on (docs/libvirt-event-contract.md: "Ids", "Removal and free callbacks"
// and mistakes 1, 2, 3 and 7 of "Mistakes other implementations made").

#include "eventtestutil.h"
#include "testsupport.h"

#include <QtCore/QSet>
#include <QtTest/QTest>

#include <climits>

using namespace QtVirtUnit;

class tst_Lifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void registerImplIsIdempotentInLoopThread();
    void registerImplFromOtherThreadFailsHarmlessly();
    void idsArePositiveAndNeverReused();
    void unknownIdsAreRejected();
    void updateAfterRemoveDoesNotRearm_data();
    void updateAfterRemoveDoesNotRearm();
    void disabledRegistrationsCanBeRemoved();
    void freeCallbackRunsOnceAfterRemoveReturned_data();
    void freeCallbackRunsOnceAfterRemoveReturned();
    void freeCallbackMayCallBackIntoTheLoop_data();
    void freeCallbackMayCallBackIntoTheLoop();
    void freeCallbackRunsAfterNotifierIsGone_data();
    void freeCallbackRunsAfterNotifierIsGone();
    void freeCallbackRunsWhileInNestedLoop();
    void waitForPendingFreesRunsThemAllInLoopThread();
    void nullFreeCallbackIsAccepted();

private:
    EventFixture m_fx;
};

void tst_Lifecycle::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(!QtVirtEventImpl::isRegistered());
    QVERIFY(QtVirtEventImpl::registerImpl());
}

void tst_Lifecycle::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_Lifecycle::cleanup()
{
    const QString problems = m_fx.tearDown();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void tst_Lifecycle::registerImplIsIdempotentInLoopThread()
{
    QVERIFY(QtVirtEventImpl::isRegistered());
    QVERIFY(QtVirtEventImpl::registerImpl());
    QVERIFY(QtVirtEventImpl::registerImpl());
    QVERIFY(QtVirtEventImpl::isRegistered());

    Recorder &rec = m_fx.recorder();
    QVERIFY(m_fx.addTimeout(rec, 0) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(rec.calls > 0, 5000);
}

// The loop is bound to one thread for good; another thread asking for it
// is told no, and the existing binding keeps serving the first thread.
void tst_Lifecycle::registerImplFromOtherThreadFailsHarmlessly()
{
    std::atomic<bool> result{true};
    QList<CapturedMessage> messages;
    {
        const MessageCapture capture;
        std::thread other([&result] { result = QtVirtEventImpl::registerImpl(); });
        other.join();
        messages = capture.messages();
    }
    QVERIFY(!result);
    QVERIFY2(onlyOnEventCategory(messages) && hasWarning(messages), qPrintable(describe(messages)));
    QVERIFY(QtVirtEventImpl::isRegistered());
    QVERIFY(QtVirtEventImpl::registerImpl());

    Recorder &rec = m_fx.recorder();
    Pipe &p = m_fx.pipe();
    rec.drain = true;
    QVERIFY(m_fx.addHandle(rec, p.readFd(), VIR_EVENT_HANDLE_READABLE) > 0);
    QVERIFY(p.writeByte());
    QTRY_VERIFY_WITH_TIMEOUT(rec.calls > 0, 5000);
}

// virKeepAliveStop checks timer > 0, and a reused id would let a stale
// remove or update hit a later registration. Ids are checked across removals
// and after the free callbacks ran, when an implementation that recycles
// slots would hand them out again.
void tst_Lifecycle::idsArePositiveAndNeverReused()
{
    Pipe &p = m_fx.pipe();
    Recorder &handles = m_fx.recorder();
    Recorder &timeouts = m_fx.recorder();
    QSet<int> handleIds;
    QSet<int> timeoutIds;
    std::deque<int> liveHandles;
    std::deque<int> liveTimeouts;
    for (int i = 0; i < 300; ++i) {
        // events 0 never overlaps, so one fd can carry them all.
        const int h = m_fx.addHandle(handles, p.readFd(), 0);
        const int t = m_fx.addTimeout(timeouts, -1);
        QVERIFY2(h > 0, qPrintable(QString::number(h)));
        QVERIFY2(t > 0, qPrintable(QString::number(t)));
        QVERIFY2(!handleIds.contains(h), qPrintable(QStringLiteral("handle id %1 reused").arg(h)));
        QVERIFY2(!timeoutIds.contains(t),
                 qPrintable(QStringLiteral("timeout id %1 reused").arg(t)));
        handleIds.insert(h);
        timeoutIds.insert(t);
        liveHandles.push_back(h);
        liveTimeouts.push_back(t);
        if (i % 3 != 0) {
            QCOMPARE(virEventRemoveHandle(liveHandles.front()), 0);
            QCOMPARE(virEventRemoveTimeout(liveTimeouts.front()), 0);
            liveHandles.pop_front();
            liveTimeouts.pop_front();
        }
        if (i % 50 == 49)
            QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
    }
}

// Unknown ids: never registered, not positive, or already removed. An
// implementation may log them on its own category, but must not touch a
// live registration or upset Qt.
void tst_Lifecycle::unknownIdsAreRejected()
{
    Pipe &p = m_fx.pipe();
    QVERIFY(p.writeByte());
    Recorder &liveHandle = m_fx.recorder();
    Recorder &liveTimeout = m_fx.recorder();
    const int h = m_fx.addHandle(liveHandle, p.readFd(), 0);
    const int t = m_fx.addTimeout(liveTimeout, -1);
    QVERIFY(h > 0);
    QVERIFY(t > 0);

    Recorder &gone = m_fx.recorder();
    const int goneHandle = m_fx.addHandle(gone, p.readFd(), 0);
    const int goneTimeout = m_fx.addTimeout(gone, -1);
    QCOMPARE(virEventRemoveHandle(goneHandle), 0);
    QCOMPARE(virEventRemoveTimeout(goneTimeout), 0);

    QList<CapturedMessage> messages;
    {
        const MessageCapture capture;
        for (int id : {0, -1, INT_MIN, INT_MAX, h + 1000, t + 1000, goneHandle}) {
            QCOMPARE(virEventRemoveHandle(id), -1);
            virEventUpdateHandle(id, VIR_EVENT_HANDLE_READABLE);
        }
        for (int id : {0, -1, INT_MIN, INT_MAX, h + 1000, t + 1000, goneTimeout}) {
            QCOMPARE(virEventRemoveTimeout(id), -1);
            virEventUpdateTimeout(id, 0);
        }
        runLoopFor(150);
        messages = capture.messages();
    }
    QVERIFY2(onlyOnEventCategory(messages), qPrintable(describe(messages)));
    QCOMPARE(liveHandle.calls.load(), 0);
    QCOMPARE(liveTimeout.calls.load(), 0);
    QCOMPARE(gone.calls.load(), 0);
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
    QCOMPARE(gone.frees.load(), 2);
}

void tst_Lifecycle::updateAfterRemoveDoesNotRearm_data()
{
    QTest::addColumn<bool>("afterFree");
    QTest::newRow("free callback pending") << false;
    QTest::newRow("free callback done") << true;
}

// libvirt-glib 3e73e0c: an update that raced with a remove re-armed the
// freed watch, and its callback then ran on freed memory.
void tst_Lifecycle::updateAfterRemoveDoesNotRearm()
{
    QFETCH(bool, afterFree);

    Pipe &p = m_fx.pipe();
    QVERIFY(p.writeByte());
    Recorder &handle = m_fx.recorder();
    Recorder &timeout = m_fx.recorder();
    const int h = m_fx.addHandle(handle, p.readFd(), 0);
    const int t = m_fx.addTimeout(timeout, -1);
    QVERIFY(h > 0);
    QVERIFY(t > 0);
    QCOMPARE(virEventRemoveHandle(h), 0);
    QCOMPARE(virEventRemoveTimeout(t), 0);
    if (afterFree) {
        QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
        QCOMPARE(handle.frees.load(), 1);
        QCOMPARE(timeout.frees.load(), 1);
    }

    QList<CapturedMessage> messages;
    {
        const MessageCapture capture;
        virEventUpdateHandle(h, VIR_EVENT_HANDLE_READABLE);
        virEventUpdateTimeout(t, 0);
        runLoopFor(200);
        messages = capture.messages();
    }
    QVERIFY2(onlyOnEventCategory(messages), qPrintable(describe(messages)));
    QCOMPARE(handle.calls.load(), 0);
    QCOMPARE(timeout.calls.load(), 0);
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
    QCOMPARE(handle.frees.load(), 1);
    QCOMPARE(timeout.frees.load(), 1);
}

// libvirt-glib 79699d7: removing a disabled handle or timer failed.
void tst_Lifecycle::disabledRegistrationsCanBeRemoved()
{
    Pipe &p = m_fx.pipe();
    Recorder &handle = m_fx.recorder();
    Recorder &timeout = m_fx.recorder();
    const int h = m_fx.addHandle(handle, p.readFd(), 0);
    const int t = m_fx.addTimeout(timeout, -1);
    QVERIFY(h > 0);
    QVERIFY(t > 0);
    QCOMPARE(virEventRemoveHandle(h), 0);
    QCOMPARE(virEventRemoveTimeout(t), 0);

    // Disabled after having been enabled, too.
    const int h2 = m_fx.addHandle(handle, p.readFd(), VIR_EVENT_HANDLE_READABLE);
    const int t2 = m_fx.addTimeout(timeout, 10);
    QVERIFY(h2 > 0);
    QVERIFY(t2 > 0);
    QCoreApplication::processEvents();
    virEventUpdateHandle(h2, 0);
    virEventUpdateTimeout(t2, -1);
    QCOMPARE(virEventRemoveHandle(h2), 0);
    QCOMPARE(virEventRemoveTimeout(t2), 0);

    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
    QCOMPARE(handle.frees.load(), 2);
    QCOMPARE(timeout.frees.load(), 2);
}

void tst_Lifecycle::freeCallbackRunsOnceAfterRemoveReturned_data()
{
    QTest::addColumn<bool>("isHandle");
    QTest::addColumn<bool>("fromOwnCallback");
    QTest::newRow("handle, removed by the test") << true << false;
    QTest::newRow("handle, removed from its own callback") << true << true;
    QTest::newRow("timeout, removed by the test") << false << false;
    QTest::newRow("timeout, removed from its own callback") << false << true;
}

// libvirt calls remove while holding the socket lock, and the free callback
// takes that lock: a free callback run inside remove deadlocks
// (libvirt-python 72e237f, libvirt-glib f65794e). It must run later, once,
// in the loop thread, and the running loop alone must get it done.
void tst_Lifecycle::freeCallbackRunsOnceAfterRemoveReturned()
{
    QFETCH(bool, isHandle);
    QFETCH(bool, fromOwnCallback);

    Pipe &p = m_fx.pipe();
    QVERIFY(p.writeByte());
    Recorder &rec = m_fx.recorder();
    bool removeReturned = false;
    bool callbackReturned = false;
    int ffSawRemoveReturned = -1;
    int ffSawCallbackReturned = -1;
    int removeResult = 1;
    rec.onFree = [&] {
        ffSawRemoveReturned = removeReturned;
        ffSawCallbackReturned = callbackReturned;
    };
    const auto removeIt = [&](int id) {
        removeResult = isHandle ? virEventRemoveHandle(id) : virEventRemoveTimeout(id);
        removeReturned = true;
    };
    if (fromOwnCallback) {
        rec.onEvent = [&](int id, int, int) {
            removeIt(id);
            callbackReturned = true;
        };
        rec.onTimeout = [&](int id) {
            removeIt(id);
            callbackReturned = true;
        };
    }
    const int id = isHandle ? m_fx.addHandle(rec, p.readFd(), VIR_EVENT_HANDLE_READABLE)
                            : m_fx.addTimeout(rec, 0);
    QVERIFY(id > 0);
    if (!fromOwnCallback) {
        QVERIFY(runLoopUntil([&] { return rec.calls > 0; }, 5000));
        removeIt(id);
        callbackReturned = true;
    }

    QVERIFY(runLoopUntil([&] { return rec.frees > 0; }, 5000));
    QCOMPARE(removeResult, 0);
    QCOMPARE(ffSawRemoveReturned, 1);
    QCOMPARE(ffSawCallbackReturned, 1);
    runLoopFor(50);
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
    QCOMPARE(rec.frees.load(), 1);
    QVERIFY(!rec.freedOffLoopThread);
}

void tst_Lifecycle::freeCallbackMayCallBackIntoTheLoop_data()
{
    QTest::addColumn<bool>("isHandle");
    QTest::addColumn<bool>("viaWaitForPendingFrees");
    QTest::newRow("handle, run by the loop") << true << false;
    QTest::newRow("handle, run by waitForPendingFrees") << true << true;
    QTest::newRow("timeout, run by the loop") << false << false;
    QTest::newRow("timeout, run by waitForPendingFrees") << false << true;
}

// libvirt-glib dd17c3c: the free callback ran under the loop's own lock,
// and libvirt's free callbacks call straight back into the loop (closing a
// socket removes its other watches and timers). Every entry point is called
// from inside the free callback; the watchdog turns a deadlock into a
// failure.
void tst_Lifecycle::freeCallbackMayCallBackIntoTheLoop()
{
    QFETCH(bool, isHandle);
    QFETCH(bool, viaWaitForPendingFrees);

    const Watchdog watchdog(std::chrono::seconds(10), "freeCallbackMayCallBackIntoTheLoop");
    Pipe &p = m_fx.pipe();
    Pipe &spawnedPipe = m_fx.pipe();
    Recorder &victim = m_fx.recorder();
    Recorder &victimHandle = m_fx.recorder();
    Recorder &spawnedTimeout = m_fx.recorder();
    Recorder &spawnedHandle = m_fx.recorder();
    spawnedHandle.drain = true;
    spawnedTimeout.onTimeout = [](int id) { virEventUpdateTimeout(id, -1); };
    const int victimId = m_fx.addTimeout(victim, 0);
    const int victimHandleId = m_fx.addHandle(victimHandle, p.readFd(), 0);
    QVERIFY(victimId > 0);
    QVERIFY(victimHandleId > 0);

    Recorder &rec = m_fx.recorder();
    int id = 0;
    bool ffDone = false;
    bool registeredInFf = false;
    int removedVictim = 1;
    int removedVictimHandle = 1;
    int removedSelfAgain = 0;
    rec.onFree = [&] {
        const int t = m_fx.addTimeout(spawnedTimeout, -1);
        virEventUpdateTimeout(t, 0);
        const int h = m_fx.addHandle(spawnedHandle, spawnedPipe.readFd(), 0);
        virEventUpdateHandle(h, VIR_EVENT_HANDLE_READABLE);
        virEventUpdateTimeout(victimId, 10);
        removedVictim = virEventRemoveTimeout(victimId);
        virEventUpdateHandle(victimHandleId, VIR_EVENT_HANDLE_READABLE);
        removedVictimHandle = virEventRemoveHandle(victimHandleId);
        removedSelfAgain = isHandle ? virEventRemoveHandle(id) : virEventRemoveTimeout(id);
        registeredInFf = QtVirtEventImpl::isRegistered();
        ffDone = true;
    };
    id = isHandle ? m_fx.addHandle(rec, p.readFd(), VIR_EVENT_HANDLE_WRITABLE)
                  : m_fx.addTimeout(rec, 1000);
    QVERIFY(id > 0);
    QCOMPARE(isHandle ? virEventRemoveHandle(id) : virEventRemoveTimeout(id), 0);

    if (viaWaitForPendingFrees) {
        QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(10000)));
        QVERIFY(ffDone);
        // "true if none is left pending": that includes the free callbacks
        // of what the free callback itself removed.
        QCOMPARE(victim.frees.load(), 1);
        QCOMPARE(victimHandle.frees.load(), 1);
    } else {
        QVERIFY(runLoopUntil([&] { return ffDone; }, 10000));
    }
    QVERIFY(registeredInFf);
    QCOMPARE(removedVictim, 0);
    QCOMPARE(removedVictimHandle, 0);
    QCOMPARE(removedSelfAgain, -1);

    QVERIFY(spawnedPipe.writeByte());
    QVERIFY(
        runLoopUntil([&] { return spawnedTimeout.calls > 0 && spawnedHandle.calls > 0; }, 5000));
    QVERIFY(runLoopUntil([&] { return victim.frees > 0 && victimHandle.frees > 0; }, 5000));
    QCOMPARE(victimHandle.calls.load(), 0);
}

void tst_Lifecycle::freeCallbackRunsAfterNotifierIsGone_data()
{
    QTest::addColumn<bool>("fromOwnCallback");
    QTest::newRow("removed by the test") << false;
    QTest::newRow("removed from its own callback") << true;
}

// A free callback often drops the last reference to a socket, which closes
// the fd (virnetsocket.c). If a notifier still watched it, Qt would see
// POLLNVAL and print "Invalid socket" (failOnAnyWarning catches it), and
// the fd number, reused at once by the next pipe, would be watched twice:
// "Multiple socket notifiers" on the Unix dispatcher, or a stray callback.
void tst_Lifecycle::freeCallbackRunsAfterNotifierIsGone()
{
    QFETCH(bool, fromOwnCallback);

    Pipe &old = m_fx.pipe();
    // Readable and hung up: a surviving notifier fires on every iteration.
    QVERIFY(old.writeByte());
    old.closeWrite();
    const int oldFd = old.readFd();

    Recorder &watch = m_fx.recorder();
    Recorder &fresh = m_fx.recorder();
    fresh.drain = true;
    Pipe *freshPipe = nullptr;
    int freshId = 0;
    watch.onFree = [&] {
        old.closeRead();
        freshPipe = &m_fx.pipe();
        freshId = m_fx.addHandle(fresh, freshPipe->readFd(), VIR_EVENT_HANDLE_READABLE);
    };
    if (fromOwnCallback)
        watch.onEvent = [](int id, int, int) { virEventRemoveHandle(id); };
    const int id = m_fx.addHandle(watch, oldFd, VIR_EVENT_HANDLE_READABLE);
    QVERIFY(id > 0);
    QVERIFY(runLoopUntil([&] { return watch.calls > 0; }, 5000));
    if (!fromOwnCallback)
        QCOMPARE(virEventRemoveHandle(id), 0);
    const int callsAtRemove = watch.calls;

    QVERIFY(runLoopUntil([&] { return watch.frees > 0; }, 5000));
    QVERIFY(freshPipe);
    QVERIFY(freshId > 0);
    // The test is only meaningful if the fd number was reused.
    QCOMPARE(freshPipe->readFd(), oldFd);

    runLoopFor(100);
    QCOMPARE(watch.calls.load(), callsAtRemove);
    QCOMPARE(fresh.calls.load(), 0);

    QVERIFY(freshPipe->writeByte());
    QVERIFY(runLoopUntil([&] { return fresh.calls > 0; }, 5000));
    QCOMPARE(fresh.lastEvents.load(), int(VIR_EVENT_HANDLE_READABLE));
    QCOMPARE(fresh.lastId.load(), freshId);
}

// An application may sit in a nested loop (a modal dialog) for a long time.
// Free callbacks must still run there: deferred deletes, for example, are
// not processed in nested loops.
void tst_Lifecycle::freeCallbackRunsWhileInNestedLoop()
{
    Recorder &nester = m_fx.recorder();
    Recorder &doomedHandle = m_fx.recorder();
    Recorder &doomedTimeout = m_fx.recorder();
    Pipe &p = m_fx.pipe();
    const int h = m_fx.addHandle(doomedHandle, p.readFd(), VIR_EVENT_HANDLE_READABLE);
    const int t = m_fx.addTimeout(doomedTimeout, 10);
    QVERIFY(h > 0);
    QVERIFY(t > 0);
    bool freedInNested = false;
    nester.onTimeout = [&](int self) {
        virEventRemoveTimeout(self);
        QTimer::singleShot(10, [h, t] {
            virEventRemoveHandle(h);
            virEventRemoveTimeout(t);
        });
        freedInNested
            = runLoopUntil([&] { return doomedHandle.frees > 0 && doomedTimeout.frees > 0; }, 5000);
    };
    QVERIFY(m_fx.addTimeout(nester, 0) > 0);
    QVERIFY(runLoopUntil([&] { return nester.calls > 0 && nester.depth == 0; }, 10000));
    QVERIFY(freedInNested);
}

// Called from the loop thread, waitForPendingFrees() runs the pending free
// callbacks itself, without the loop having run, and leaves none behind.
void tst_Lifecycle::waitForPendingFreesRunsThemAllInLoopThread()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(0)));

    Pipe &p = m_fx.pipe();
    QList<Recorder *> recs;
    QList<int> handleIds;
    QList<int> timeoutIds;
    for (int i = 0; i < 10; ++i) {
        Recorder &h = m_fx.recorder();
        Recorder &t = m_fx.recorder();
        recs << &h << &t;
        handleIds << m_fx.addHandle(h, p.readFd(), 0);
        timeoutIds << m_fx.addTimeout(t, i % 2 ? -1 : 0);
    }
    for (int id : std::as_const(handleIds))
        QCOMPARE(virEventRemoveHandle(id), 0);
    for (int id : std::as_const(timeoutIds))
        QCOMPARE(virEventRemoveTimeout(id), 0);

    QVERIFY(QtVirtEventImpl::waitForPendingFrees());
    for (const Recorder *rec : std::as_const(recs)) {
        QCOMPARE(rec->frees.load(), 1);
        QCOMPARE(rec->calls.load(), 0);
        QVERIFY(!rec->freedOffLoopThread);
    }
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(0)));
}

// libvirt passes NULL for ff when the opaque needs no freeing.
void tst_Lifecycle::nullFreeCallbackIsAccepted()
{
    Pipe &p = m_fx.pipe();
    QVERIFY(p.writeByte());
    Recorder &handle = m_fx.recorder();
    Recorder &timeout = m_fx.recorder();
    handle.drain = true;
    const int h = m_fx.addHandle(handle, p.readFd(), VIR_EVENT_HANDLE_READABLE, false);
    const int t = m_fx.addTimeout(timeout, 0, false);
    QVERIFY(h > 0);
    QVERIFY(t > 0);
    QVERIFY(runLoopUntil([&] { return handle.calls > 0 && timeout.calls > 0; }, 5000));
    QCOMPARE(virEventRemoveHandle(h), 0);
    QCOMPARE(virEventRemoveTimeout(t), 0);
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
    QCOMPARE(handle.frees.load(), 0);
    QCOMPARE(timeout.frees.load(), 0);
}

QTEST_GUILESS_MAIN(tst_Lifecycle)
#include "tst_lifecycle.moc"
