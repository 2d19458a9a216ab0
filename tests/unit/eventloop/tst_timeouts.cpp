// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Timeouts: 0 means every loop iteration, -1 disabled, a change applies at
// once and restarts the phase, and nothing ever fires early.

#include "eventtestutil.h"
#include "testsupport.h"

#include <QtTest/QTest>

#include <ctime>

using namespace QtVirtUnit;

namespace {

// QElapsedTimer and Qt's timers both read CLOCK_MONOTONIC, but a callback
// records its time a few microseconds after Qt decided to fire it.
constexpr qint64 kClockSlackNs = 1000 * 1000;

qint64 ms(qint64 milliseconds)
{
    return milliseconds * 1000 * 1000;
}

// CPU time this thread has used: what a loop that never blocks burns.
qint64 threadCpuNs()
{
    timespec now = {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000 * 1000 * 1000 + now.tv_nsec;
}

// A nested loop that waits 200 ms for a timer: blocked in the dispatcher
// all along, it uses a few milliseconds of CPU at most, even under a
// sanitizer; spinning, it uses most of the 200 ms.
constexpr int kNestedLoopMs = 200;
constexpr qint64 kIdleNestedLoopCpuNs = 30 * 1000 * 1000;

} // namespace

class tst_Timeouts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void zeroTimeoutFiresOnEveryIteration();
    void zeroTimeoutDoesNotStarveFileDescriptors();
    void negativeTimeoutNeverFires();
    void disablingAndReenablingTakesEffectAtOnce();
    void shorteningTakesEffectAtOnce();
    void lengtheningTakesEffectAtOnce();
    void updateRestartsPhase();
    void timerNeverFiresEarly();
    void removedTimerNeverFiresInSamePass();
    void removedTimerNeverFiresFromNestedLoop();
    void timerCallbackNotReenteredFromNestedLoop();
    void timerArmedByHandleCallbackFiresOnceWhenDisarmed();
    void timerArmedByHandleCallbackKeepsFiringWhileZero();
    void timerArmedThenRemovedInHandleCallbackNeverFires();
    void timerArmedThenDisabledInHandleCallbackNeverFires();
    void timerArmedByHandleInItsOwnNestedLoopIsNotReentered();
    void timerFiredAfterHandlePassDoesNotSpinItsNestedLoop();
    void timerRearmedInItsOwnNestedLoopDoesNotSpinIt();

private:
    // A disabled timer, and a pipe whose reader runs inHandle(timer id) from
    // its handle callback for every byte written; the timer's id, or 0 when
    // a registration failed.
    int timerArmedFromReader(Recorder &timer, Recorder &reader, Pipe *&pipe,
                             std::function<void(int timerId)> inHandle);
    // A 0 ms timer whose callback, the first time, makes a pipe readable and
    // runs a nested loop until the pipe's reader has re-armed the timer to 0
    // from its handle callback in there, then nestedMs more of that nested
    // loop (the thread's CPU time over them goes to *nestedCpuNs when
    // given); its second call disarms it. False, after failing the test,
    // unless the timer fired twice and the re-arming happened in the nested
    // loop.
    bool rearmInItsOwnNestedLoop(Recorder &timer, int nestedMs, qint64 *nestedCpuNs = nullptr);

    EventFixture m_fx;
};

void tst_Timeouts::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
}

void tst_Timeouts::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_Timeouts::cleanup()
{
    const QString problems = m_fx.tearDown();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// libvirt flushes queued domain events from a 0 timeout
// (src/conf/object_event.c): it must fire on each iteration, not once.
void tst_Timeouts::zeroTimeoutFiresOnEveryIteration()
{
    Recorder &rec = m_fx.recorder();
    QVERIFY(m_fx.addTimeout(rec, 0) > 0);
    // The iteration that picks up the new timer need not fire it yet.
    QCoreApplication::processEvents();
    for (int i = 0; i < 20; ++i) {
        const int before = rec.calls;
        QCoreApplication::processEvents();
        QVERIFY2(rec.calls > before, qPrintable(QStringLiteral("iteration %1").arg(i)));
    }
}

// A 0 timeout keeps the loop busy; the fds must still be served, every time
// they become ready, and the timeout must keep firing meanwhile.
void tst_Timeouts::zeroTimeoutDoesNotStarveFileDescriptors()
{
    Recorder &busy = m_fx.recorder();
    QVERIFY(m_fx.addTimeout(busy, 0) > 0);

    Pipe &p = m_fx.pipe();
    Recorder &reader = m_fx.recorder();
    reader.drain = true;
    QVERIFY(m_fx.addHandle(reader, p.readFd(), VIR_EVENT_HANDLE_READABLE) > 0);

    for (int round = 1; round <= 5; ++round) {
        QEventLoop loop;
        reader.onEvent = [&loop](int, int, int) { quitSoon(loop); };
        const int busyBefore = busy.calls;
        QVERIFY(p.writeByte());
        QVERIFY2(runLoopUntilQuit(loop, 5000), qPrintable(QStringLiteral("round %1").arg(round)));
        QCOMPARE(reader.calls.load(), round);
        QVERIFY(busy.calls > busyBefore);
    }
}

void tst_Timeouts::negativeTimeoutNeverFires()
{
    Recorder &rec = m_fx.recorder();
    QVERIFY(m_fx.addTimeout(rec, -1) > 0);
    runLoopFor(300);
    QCOMPARE(rec.calls.load(), 0);
}

void tst_Timeouts::disablingAndReenablingTakesEffectAtOnce()
{
    Recorder &rec = m_fx.recorder();
    const int id = m_fx.addTimeout(rec, 20);
    QVERIFY(id > 0);
    for (int interval : {20, 0, 20, 0}) {
        virEventUpdateTimeout(id, interval);
        const int before = rec.calls;
        QTRY_VERIFY_WITH_TIMEOUT(rec.calls > before + 1, 5000);
        virEventUpdateTimeout(id, -1);
        const int disabled = rec.calls;
        runLoopFor(150);
        QCOMPARE(rec.calls.load(), disabled);
    }
}

// The loop sleeps towards a far deadline; a shorter one set from the loop
// thread must replace it, without anything else waking the loop.
void tst_Timeouts::shorteningTakesEffectAtOnce()
{
    Recorder &rec = m_fx.recorder();
    const int id = m_fx.addTimeout(rec, 60000);
    QVERIFY(id > 0);
    QEventLoop loop;
    rec.onTimeout = [&loop](int timer) {
        virEventUpdateTimeout(timer, -1);
        quitSoon(loop);
    };
    runLoopFor(50);

    QElapsedTimer sinceUpdate;
    sinceUpdate.start();
    virEventUpdateTimeout(id, 20);
    QVERIFY(runLoopUntilQuit(loop, 10000));
    QVERIFY2(sinceUpdate.elapsed() < 5000, qPrintable(QString::number(sinceUpdate.elapsed())));
    QCOMPARE(rec.calls.load(), 1);
}

void tst_Timeouts::lengtheningTakesEffectAtOnce()
{
    Recorder &rec = m_fx.recorder();
    const int id = m_fx.addTimeout(rec, 30);
    QVERIFY(id > 0);
    QTRY_VERIFY_WITH_TIMEOUT(rec.calls > 0, 5000);
    virEventUpdateTimeout(id, 60000);
    const int before = rec.calls;
    runLoopFor(300);
    QCOMPARE(rec.calls.load(), before);
}

// "A change takes effect at once; existing loops restart the phase": a
// 600 ms timeout updated to 600 ms after 200 ms fires 600 ms after the
// update, not at its old deadline. The keepalive timer relies on this.
void tst_Timeouts::updateRestartsPhase()
{
    Recorder &rec = m_fx.recorder();
    QElapsedTimer sinceAdd;
    sinceAdd.start();
    const int id = m_fx.addTimeout(rec, 600);
    QVERIFY(id > 0);
    QElapsedTimer sinceUpdate;
    qint64 firedAfterUpdate = -1;
    rec.onTimeout = [&](int timer) {
        firedAfterUpdate = sinceUpdate.nsecsElapsed();
        virEventUpdateTimeout(timer, -1);
    };

    runLoopFor(200);
    // Should a loaded machine have overslept the old deadline, the timeout
    // fired legitimately and there is no phase left to restart.
    QVERIFY2(
        rec.calls == 0,
        qPrintable(
            QStringLiteral("fired before the update, %1 ms after adding").arg(sinceAdd.elapsed())));
    sinceUpdate.start();
    virEventUpdateTimeout(id, 600);

    QTRY_VERIFY_WITH_TIMEOUT(rec.calls > 0, 5000);
    QCOMPARE(rec.calls.load(), 1);
    QVERIFY2(firedAfterUpdate >= ms(600) - kClockSlackNs,
             qPrintable(QStringLiteral("fired %1 ms after the update")
                            .arg(static_cast<double>(firedAfterUpdate) / ms(1))));
}

// A repeating timeout is never early, neither from when it was armed nor
// from its previous firing, even after a late firing: libvirt's own loop
// schedules the next expiry from the moment it dispatched. Qt's repeating
// timers instead keep their original phase, so a firing delayed by a busy
// loop is followed by one that comes early. The loop is blocked on purpose
// around the second expiry to make that happen.
void tst_Timeouts::timerNeverFiresEarly()
{
    constexpr int kInterval = 50;
    constexpr int kFires = 6;
    Recorder &rec = m_fx.recorder();
    std::vector<qint64> firedAt;
    QElapsedTimer clock;
    rec.onTimeout = [&](int timer) {
        firedAt.push_back(clock.nsecsElapsed());
        if (firedAt.size() == 1) {
            // Busy from 40 to 70 ms after this firing: the next one, due
            // at 50 ms, comes 20 ms late.
            QTimer::singleShot(40, Qt::PreciseTimer,
                               [] { std::this_thread::sleep_for(std::chrono::milliseconds(30)); });
        }
        if (firedAt.size() == kFires)
            virEventUpdateTimeout(timer, -1);
    };
    clock.start();
    QVERIFY(m_fx.addTimeout(rec, kInterval) > 0);

    QTRY_COMPARE_WITH_TIMEOUT(firedAt.size(), std::size_t(kFires), 10000);
    QVERIFY2(firedAt[0] >= ms(kInterval) - kClockSlackNs,
             qPrintable(QStringLiteral("first firing after %1 ms")
                            .arg(static_cast<double>(firedAt[0]) / ms(1))));
    for (std::size_t i = 1; i < firedAt.size(); ++i) {
        const qint64 gap = firedAt[i] - firedAt[i - 1];
        QVERIFY2(gap >= ms(kInterval) - kClockSlackNs,
                 qPrintable(QStringLiteral("firing %1 came %2 ms after the previous one")
                                .arg(i)
                                .arg(static_cast<double>(gap) / ms(1))));
    }
}

// tst_Timeouts due in the same pass; whichever callback runs first removes them
// all. No other may run afterwards (libvirt 707781fe: a timer fired after
// its owner was freed).
void tst_Timeouts::removedTimerNeverFiresInSamePass()
{
    constexpr int kTimers = 8;
    std::vector<int> ids(kTimers, 0);
    QList<Recorder *> recs;
    for (int i = 0; i < kTimers; ++i) {
        Recorder &rec = m_fx.recorder();
        rec.onTimeout = [&ids](int) {
            for (int id : ids)
                virEventRemoveTimeout(id);
        };
        recs.append(&rec);
        ids[i] = m_fx.addTimeout(rec, 0);
        QVERIFY(ids[i] > 0);
    }
    const auto totalCalls = [&recs] {
        int total = 0;
        for (const Recorder *rec : std::as_const(recs))
            total += rec->calls;
        return total;
    };
    QTRY_VERIFY_WITH_TIMEOUT(totalCalls() > 0, 5000);
    runLoopFor(100);
    QCOMPARE(totalCalls(), 1);
}

// As above, with a nested event loop opened after the removal.
void tst_Timeouts::removedTimerNeverFiresFromNestedLoop()
{
    Recorder &a = m_fx.recorder();
    Recorder &b = m_fx.recorder();
    int idA = 0;
    int idB = 0;
    int othersCallsAfterNested = -1;
    const auto removeOtherThenNest = [&](int self, int other, Recorder &otherRec) {
        virEventRemoveTimeout(other);
        runLoopFor(100);
        othersCallsAfterNested = otherRec.calls;
        virEventRemoveTimeout(self);
    };
    a.onTimeout = [&](int) { removeOtherThenNest(idA, idB, b); };
    b.onTimeout = [&](int) { removeOtherThenNest(idB, idA, a); };
    idA = m_fx.addTimeout(a, 0);
    idB = m_fx.addTimeout(b, 0);
    QVERIFY(idA > 0);
    QVERIFY(idB > 0);

    QTRY_VERIFY_WITH_TIMEOUT(othersCallsAfterNested >= 0, 5000);
    QCOMPARE(othersCallsAfterNested, 0);
    runLoopFor(100);
    QCOMPARE(a.calls + b.calls, 1);
}

// A 0 timeout whose callback runs a nested event loop is due throughout it;
// it must not be re-entered, other timeouts keep firing inside, and it
// fires again once its callback returned.
void tst_Timeouts::timerCallbackNotReenteredFromNestedLoop()
{
    Recorder &other = m_fx.recorder();
    QVERIFY(m_fx.addTimeout(other, 0) > 0);

    Recorder &nester = m_fx.recorder();
    bool servedInNested = false;
    nester.onTimeout = [&](int id) {
        if (nester.calls > 1) {
            virEventRemoveTimeout(id);
            return;
        }
        const int otherBefore = other.calls;
        QElapsedTimer nestedFor;
        nestedFor.start();
        servedInNested = runLoopUntil(
            [&] { return other.calls > otherBefore + 2 && nestedFor.elapsed() >= 50; }, 5000);
    };
    QVERIFY(m_fx.addTimeout(nester, 0) > 0);

    QTRY_COMPARE_WITH_TIMEOUT(nester.calls.load(), 2, 10000);
    QVERIFY(servedInNested);
    QVERIFY(!nester.reentered);
}

// libvirt's RPC client arms a stream's timer to 0 from the socket's
// callback, and the stream callback disarms it once it has taken the data
// (src/rpc/virnetclientstream.c). QtVirtEventImpl fires such a timer right
// after the handle callbacks of that pass; it must still fire once per
// arming, not twice.
int tst_Timeouts::timerArmedFromReader(Recorder &timer, Recorder &reader, Pipe *&pipe,
                                       std::function<void(int timerId)> inHandle)
{
    const int timerId = m_fx.addTimeout(timer, -1);
    pipe = &m_fx.pipe();
    reader.drain = true;
    reader.onEvent = [timerId, inHandle](int, int, int) { inHandle(timerId); };
    if (timerId <= 0 || m_fx.addHandle(reader, pipe->readFd(), VIR_EVENT_HANDLE_READABLE) <= 0)
        return 0;
    return timerId;
}

void tst_Timeouts::timerArmedByHandleCallbackFiresOnceWhenDisarmed()
{
    Recorder &timer = m_fx.recorder();
    timer.onTimeout = [](int id) { virEventUpdateTimeout(id, -1); };
    Recorder &reader = m_fx.recorder();
    Pipe *p = nullptr;
    QVERIFY(timerArmedFromReader(timer, reader, p, [](int id) { virEventUpdateTimeout(id, 0); }));
    for (int round = 1; round <= 3; ++round) {
        QVERIFY(p->writeByte());
        QTRY_COMPARE_WITH_TIMEOUT(timer.calls.load(), round, 5000);
        runLoopFor(50);
        QCOMPARE(timer.calls.load(), round);
        QCOMPARE(reader.calls.load(), round);
    }
}

void tst_Timeouts::timerArmedByHandleCallbackKeepsFiringWhileZero()
{
    Recorder &timer = m_fx.recorder();
    Recorder &reader = m_fx.recorder();
    Pipe *p = nullptr;
    const int timerId
        = timerArmedFromReader(timer, reader, p, [](int id) { virEventUpdateTimeout(id, 0); });
    QVERIFY(timerId);
    QVERIFY(p->writeByte());
    QTRY_VERIFY_WITH_TIMEOUT(timer.calls > 5, 5000);
    virEventUpdateTimeout(timerId, -1);
}

void tst_Timeouts::timerArmedThenRemovedInHandleCallbackNeverFires()
{
    Recorder &timer = m_fx.recorder();
    Recorder &reader = m_fx.recorder();
    Pipe *p = nullptr;
    QVERIFY(timerArmedFromReader(timer, reader, p, [](int id) {
        virEventUpdateTimeout(id, 0);
        virEventRemoveTimeout(id);
    }));
    QVERIFY(p->writeByte());
    QTRY_COMPARE_WITH_TIMEOUT(reader.calls.load(), 1, 5000);
    runLoopFor(100);
    QCOMPARE(timer.calls.load(), 0);
}

void tst_Timeouts::timerArmedThenDisabledInHandleCallbackNeverFires()
{
    Recorder &timer = m_fx.recorder();
    Recorder &reader = m_fx.recorder();
    Pipe *p = nullptr;
    QVERIFY(timerArmedFromReader(timer, reader, p, [](int id) {
        virEventUpdateTimeout(id, 0);
        virEventUpdateTimeout(id, -1);
    }));
    QVERIFY(p->writeByte());
    QTRY_COMPARE_WITH_TIMEOUT(reader.calls.load(), 1, 5000);
    runLoopFor(100);
    QCOMPARE(timer.calls.load(), 0);
}

bool tst_Timeouts::rearmInItsOwnNestedLoop(Recorder &timer, int nestedMs, qint64 *nestedCpuNs)
{
    Pipe &p = m_fx.pipe();
    Recorder &reader = m_fx.recorder();
    reader.drain = true;
    bool armedInNested = false;
    timer.onTimeout = [&timer, &p, &reader, &armedInNested, nestedMs, nestedCpuNs](int id) {
        if (timer.calls > 1) {
            virEventUpdateTimeout(id, -1);
            return;
        }
        QVERIFY(p.writeByte());
        armedInNested = runLoopUntil([&] { return reader.calls > 0; }, 5000);
        const qint64 before = threadCpuNs();
        runLoopFor(nestedMs);
        if (nestedCpuNs)
            *nestedCpuNs = threadCpuNs() - before;
    };
    [&] {
        const int timerId = m_fx.addTimeout(timer, 0);
        QVERIFY(timerId > 0);
        reader.onEvent = [timerId](int, int, int) { virEventUpdateTimeout(timerId, 0); };
        QVERIFY(m_fx.addHandle(reader, p.readFd(), VIR_EVENT_HANDLE_READABLE) > 0);

        QTRY_COMPARE_WITH_TIMEOUT(timer.calls.load(), 2, 5000);
        QVERIFY(armedInNested);
    }();
    return !QTest::currentTestFailed();
}

// The timer's callback runs a nested loop, in which a handle callback arms
// the same timer again: it must wait until its callback has returned.
void tst_Timeouts::timerArmedByHandleInItsOwnNestedLoopIsNotReentered()
{
    Recorder &timer = m_fx.recorder();
    QVERIFY(rearmInItsOwnNestedLoop(timer, 50));
    QVERIFY(!timer.reentered);
}

// A 0 ms timeout armed by a handle callback is fired by
// QtVirtEventImpl itself right after that pass of handle callbacks, not by
// its QTimer. Its QTimer stays started with 0 ms all the same, because a
// timeout of 0 fires on every iteration while it is left at 0. When that
// callback ran a nested event loop, the QTimer fired on each iteration of
// the nested loop, found the callback running (it is never re-entered) and
// returned at once: the nested loop never blocked and burnt a whole CPU
// until the callback returned. A running callback must not keep the loop
// busy; once it returns, the timeout fires again as before.
void tst_Timeouts::timerFiredAfterHandlePassDoesNotSpinItsNestedLoop()
{
    Recorder &timer = m_fx.recorder();
    Recorder &reader = m_fx.recorder();
    qint64 nestedCpuNs = -1;
    timer.onTimeout = [&](int id) {
        if (timer.calls > 1) {
            virEventUpdateTimeout(id, -1);
            return;
        }
        const qint64 before = threadCpuNs();
        runLoopFor(kNestedLoopMs);
        nestedCpuNs = threadCpuNs() - before;
    };
    Pipe *p = nullptr;
    QVERIFY(timerArmedFromReader(timer, reader, p, [](int id) { virEventUpdateTimeout(id, 0); }));
    QVERIFY(p->writeByte());

    // Still at 0 after its callback returned: it fires once more.
    QTRY_COMPARE_WITH_TIMEOUT(timer.calls.load(), 2, 5000);
    QCOMPARE(reader.calls.load(), 1);
    QVERIFY2(nestedCpuNs < kIdleNestedLoopCpuNs,
             qPrintable(QStringLiteral("the nested loop used %1 ms of CPU in %2 ms")
                            .arg(static_cast<double>(nestedCpuNs) / ms(1))
                            .arg(kNestedLoopMs)));
}

// The same spin, reached differently: the timeout fires
// from its own QTimer, which Qt does not fire again while it runs, but a
// handle callback inside the nested loop re-arms it to 0, which restarts
// that QTimer as a new Qt timer: Qt fires that one on every iteration of
// the nested loop, and each firing returned at once.
void tst_Timeouts::timerRearmedInItsOwnNestedLoopDoesNotSpinIt()
{
    Recorder &timer = m_fx.recorder();
    qint64 nestedCpuNs = -1;
    QVERIFY(rearmInItsOwnNestedLoop(timer, kNestedLoopMs, &nestedCpuNs));
    QVERIFY2(nestedCpuNs < kIdleNestedLoopCpuNs,
             qPrintable(QStringLiteral("the nested loop used %1 ms of CPU in %2 ms")
                            .arg(static_cast<double>(nestedCpuNs) / ms(1))
                            .arg(kNestedLoopMs)));
}

QTEST_GUILESS_MAIN(tst_Timeouts)
#include "tst_timeouts.moc"
