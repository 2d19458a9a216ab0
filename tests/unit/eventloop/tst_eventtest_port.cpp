// SPDX-License-Identifier: LGPL-2.1-or-later
//
// libvirt's own event-loop test (tests/eventtest.c, libvirt 9.0), scenario by
// scenario, against QtVirtEventImpl through the public virEvent* API.
//
// The original runs the loop in a second thread and lets each scenario build
// on the state the previous one left. Here the Qt loop runs in the test
// thread, and every test function starts from the original's initial state
// (31 readable pipe watches, 31 disabled timers) and first reproduces the
// state its scenario relies on, so that each can run and fail alone. "While
// the loop sleeps in poll()" becomes a second thread acting while the test
// thread is blocked in QEventLoop::exec().
//
// The original relies on its loop dispatching in registration order to make
// the "deleted during dispatch" scenarios deterministic. Qt gives no such
// order, so there both ready registrations delete each other and exactly one
// of them must fire, whichever Qt picks first.

#include "eventtestutil.h"
#include "testsupport.h"

#include <QtCore/QStringList>
#include <QtTest/QTest>

using namespace QtVirtUnit;

namespace {

constexpr int kNumFds = 31;
constexpr int kNumTime = 31;
// Long enough for a wrongly dispatched registration to show up.
constexpr int kSettleMs = 150;

QString joined(const QList<int> &indexes)
{
    QStringList parts;
    for (int i : indexes)
        parts.append(QString::number(i));
    return parts.join(QLatin1Char(','));
}

} // namespace

class tst_EventTestPort : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void simpleWrite();
    void handleDeletedBeforePoll();
    void handleInterruptedDuringPoll();
    void handleDeletedDuringDispatch();
    void handleDeletesItselfDuringDispatch();
    void firingATimer();
    void timerDeletedBeforePoll();
    void timerInterruptedDuringPoll();
    void timerDeletedDuringDispatch();
    void timerDeletesItselfDuringDispatch();
    void lastHandleWorksSeveralTimesInARow();
    void writeDuplicate();

private:
    struct HandleInfo
    {
        Pipe *pipe = nullptr;
        Recorder *rec = nullptr;
        int watch = -1;
        int del = -1;
        bool dataError = false;
    };
    struct TimerInfo
    {
        Recorder *rec = nullptr;
        int timer = -1;
        int del = -1;
    };

    void registerHandle(int i, int events);
    void resetAll();
    QString finishJob(const QList<int> &handles, const QList<int> &timers);
    QString verifyFired(const QList<int> &handles, const QList<int> &timers) const;

    EventFixture m_fx;
    HandleInfo m_handles[kNumFds];
    TimerInfo m_timers[kNumTime];
};

void tst_EventTestPort::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
}

void tst_EventTestPort::init()
{
    QtVirtTest::failOnAnyWarning();
    for (int i = 0; i < kNumFds; ++i) {
        m_handles[i] = HandleInfo();
        m_handles[i].pipe = &m_fx.pipe();
        m_handles[i].rec = &m_fx.recorder();
        // testPipeReader: consume exactly the one byte written, then delete.
        m_handles[i].rec->onEvent = [this, i](int, int fd, int) {
            char one;
            if (::read(fd, &one, 1) != 1)
                m_handles[i].dataError = true;
            if (m_handles[i].del != -1)
                virEventRemoveHandle(m_handles[i].del);
        };
        registerHandle(i, VIR_EVENT_HANDLE_READABLE);
        QVERIFY(m_handles[i].watch > 0);
    }
    for (int i = 0; i < kNumTime; ++i) {
        m_timers[i] = TimerInfo();
        m_timers[i].rec = &m_fx.recorder();
        m_timers[i].rec->onTimeout = [this, i](int) {
            if (m_timers[i].del != -1)
                virEventRemoveTimeout(m_timers[i].del);
        };
        m_timers[i].timer = m_fx.addTimeout(*m_timers[i].rec, -1);
        QVERIFY(m_timers[i].timer > 0);
    }
}

void tst_EventTestPort::cleanup()
{
    const QString problems = m_fx.tearDown();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void tst_EventTestPort::registerHandle(int i, int events)
{
    m_handles[i].watch = m_fx.addHandle(*m_handles[i].rec, m_handles[i].pipe->readFd(), events);
}

void tst_EventTestPort::resetAll()
{
    for (HandleInfo &h : m_handles) {
        h.rec->calls = 0;
        h.dataError = false;
    }
    for (TimerInfo &t : m_timers)
        t.rec->calls = 0;
}

// Waits for one of each non-empty candidate list to fire, then keeps the
// loop running a little so that anything else that would fire does.
QString tst_EventTestPort::finishJob(const QList<int> &handles, const QList<int> &timers)
{
    const auto anyFired = [](const QList<int> &candidates, auto recorderOf) {
        for (int i : candidates) {
            if (recorderOf(i)->calls > 0)
                return true;
        }
        return candidates.isEmpty();
    };
    const bool arrived = QTest::qWaitFor(
        [&] {
            return anyFired(handles, [this](int i) { return m_handles[i].rec; })
                && anyFired(timers, [this](int i) { return m_timers[i].rec; });
        },
        5000);
    if (!arrived)
        return QStringLiteral("Timed out waiting for pipe event");
    runLoopFor(kSettleMs);
    return verifyFired(handles, timers);
}

// verifyFired(): exactly one of the candidates fired (none if there are
// none), exactly once, with the right id, fd and events; nothing else did.
QString tst_EventTestPort::verifyFired(const QList<int> &handles, const QList<int> &timers) const
{
    QString problems;
    int handlesFired = 0;
    for (int i = 0; i < kNumFds; ++i) {
        const HandleInfo &h = m_handles[i];
        const int calls = h.rec->calls;
        if (calls == 0)
            continue;
        ++handlesFired;
        if (!handles.contains(i))
            problems += QStringLiteral("Handle %1 fired, but was not expected; ").arg(i);
        if (calls != 1)
            problems += QStringLiteral("Handle %1 fired %2 times; ").arg(i).arg(calls);
        if (h.rec->lastId != h.watch)
            problems += QStringLiteral("Handle %1 got watch %2, expected %3; ")
                            .arg(i)
                            .arg(h.rec->lastId.load())
                            .arg(h.watch);
        if (h.rec->lastFd != h.pipe->readFd())
            problems += QStringLiteral("Handle %1 got the wrong fd; ").arg(i);
        if (!(h.rec->lastEvents & VIR_EVENT_HANDLE_READABLE))
            problems += QStringLiteral("Handle %1 got events %2 without READABLE; ")
                            .arg(i)
                            .arg(h.rec->lastEvents.load());
        if (h.dataError)
            problems += QStringLiteral("Handle %1 fired with no byte to read; ").arg(i);
    }
    if (handlesFired != (handles.isEmpty() ? 0 : 1))
        problems += QStringLiteral("%1 handles fired, expected one of [%2]; ")
                        .arg(handlesFired)
                        .arg(joined(handles));

    int timersFired = 0;
    for (int i = 0; i < kNumTime; ++i) {
        const TimerInfo &t = m_timers[i];
        if (t.rec->calls == 0)
            continue;
        ++timersFired;
        if (!timers.contains(i))
            problems += QStringLiteral("Timer %1 fired, but was not expected; ").arg(i);
        if (t.rec->lastId != t.timer)
            problems += QStringLiteral("Timer %1 got timer id %2, expected %3; ")
                            .arg(i)
                            .arg(t.rec->lastId.load())
                            .arg(t.timer);
    }
    if (timersFired != (timers.isEmpty() ? 0 : 1))
        problems += QStringLiteral("%1 timers fired, expected one of [%2]; ")
                        .arg(timersFired)
                        .arg(joined(timers));
    return problems;
}

// eventtest.c: "Simple write"
void tst_EventTestPort::simpleWrite()
{
    QVERIFY(m_handles[1].pipe->writeByte());
    const QString problems = finishJob({1}, {});
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// eventtest.c: "Deleted before poll" (handles). Unlike the original, the
// deleted handle's pipe is made readable too: removal must silence it.
void tst_EventTestPort::handleDeletedBeforePoll()
{
    QCOMPARE(virEventRemoveHandle(m_handles[0].watch), 0);
    QVERIFY(m_handles[0].pipe->writeByte());
    QVERIFY(m_handles[1].pipe->writeByte());
    const QString problems = finishJob({1}, {});
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// eventtest.c: "Interrupted during poll" (handles). The handle is removed by
// another thread while the loop sleeps; data written afterwards must not
// reach it.
void tst_EventTestPort::handleInterruptedDuringPoll()
{
    QEventLoop loop;
    const CrossThreadQuit quitter(loop);
    std::atomic<int> removed{1};
    std::thread remover([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        removed = virEventRemoveHandle(m_handles[1].watch);
        quitter.quit();
    });
    const bool quit = runLoopUntilQuit(loop, 5000);
    remover.join();
    QVERIFY(quit);
    QCOMPARE(removed.load(), 0);

    QVERIFY(m_handles[1].pipe->writeByte());
    const QString problems = finishJob({}, {});
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// eventtest.c: "Deleted during dispatch" (a later handle)
void tst_EventTestPort::handleDeletedDuringDispatch()
{
    m_handles[2].del = m_handles[3].watch;
    m_handles[3].del = m_handles[2].watch;
    QVERIFY(m_handles[2].pipe->writeByte());
    QVERIFY(m_handles[3].pipe->writeByte());
    const QString problems = finishJob({2, 3}, {});
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// eventtest.c: "Deleted during dispatch" (the handle deletes itself). Two
// bytes are written so that the pipe stays readable after the callback: the
// deleted handle must still not fire again.
void tst_EventTestPort::handleDeletesItselfDuringDispatch()
{
    m_handles[2].del = m_handles[2].watch;
    QVERIFY(m_handles[2].pipe->writeByte());
    QVERIFY(m_handles[2].pipe->writeByte());
    const QString problems = finishJob({2}, {});
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// eventtest.c: "Firing a timer"
void tst_EventTestPort::firingATimer()
{
    virEventUpdateTimeout(m_timers[1].timer, 100);
    QTRY_VERIFY_WITH_TIMEOUT(m_timers[1].rec->calls > 0, 5000);
    virEventUpdateTimeout(m_timers[1].timer, -1);
    const QString problems = finishJob({}, {1});
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// eventtest.c: "Deleted before poll" (timers). The deleted timer is armed
// first, so that its removal is what keeps it quiet.
void tst_EventTestPort::timerDeletedBeforePoll()
{
    virEventUpdateTimeout(m_timers[0].timer, 50);
    virEventUpdateTimeout(m_timers[1].timer, 100);
    QCOMPARE(virEventRemoveTimeout(m_timers[0].timer), 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_timers[1].rec->calls > 0, 5000);
    virEventUpdateTimeout(m_timers[1].timer, -1);
    const QString problems = finishJob({}, {1});
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// eventtest.c: "Interrupted during poll" (timers). The timer is armed, and
// removed by another thread while the loop sleeps towards its deadline.
void tst_EventTestPort::timerInterruptedDuringPoll()
{
    virEventUpdateTimeout(m_timers[1].timer, 300);
    QEventLoop loop;
    const CrossThreadQuit quitter(loop);
    std::atomic<int> removed{1};
    std::thread remover([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        removed = virEventRemoveTimeout(m_timers[1].timer);
        quitter.quit();
    });
    const bool quit = runLoopUntilQuit(loop, 5000);
    remover.join();
    QVERIFY(quit);
    QCOMPARE(removed.load(), 0);

    runLoopFor(400);
    const QString problems = finishJob({}, {});
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// eventtest.c: "Deleted during dispatch" (a later timer)
void tst_EventTestPort::timerDeletedDuringDispatch()
{
    m_timers[2].del = m_timers[3].timer;
    m_timers[3].del = m_timers[2].timer;
    virEventUpdateTimeout(m_timers[2].timer, 100);
    virEventUpdateTimeout(m_timers[3].timer, 100);
    QTRY_VERIFY_WITH_TIMEOUT(m_timers[2].rec->calls + m_timers[3].rec->calls > 0, 5000);
    // The survivor would keep firing every 100 ms; silence it as the
    // original does.
    virEventUpdateTimeout(m_timers[2].timer, -1);
    virEventUpdateTimeout(m_timers[3].timer, -1);
    const QString problems = finishJob({}, {2, 3});
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// eventtest.c: "Deleted during dispatch" (the timer deletes itself). Left
// alone, the 100 ms timer would fire again within the settle time.
void tst_EventTestPort::timerDeletesItselfDuringDispatch()
{
    m_timers[2].del = m_timers[2].timer;
    virEventUpdateTimeout(m_timers[2].timer, 100);
    const QString problems = finishJob({}, {2});
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// eventtest.c: "Simple write" x4 after removing all but the last handle and
// timer ("Make sure the last handle still works several times in a row").
void tst_EventTestPort::lastHandleWorksSeveralTimesInARow()
{
    for (int i = 0; i < kNumFds - 1; ++i)
        QCOMPARE(virEventRemoveHandle(m_handles[i].watch), 0);
    for (int i = 0; i < kNumTime - 1; ++i)
        QCOMPARE(virEventRemoveTimeout(m_timers[i].timer), 0);

    for (int round = 0; round < 4; ++round) {
        QVERIFY(m_handles[kNumFds - 1].pipe->writeByte());
        const QString problems = finishJob({kNumFds - 1}, {});
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("round %1: %2").arg(round).arg(problems)));
        resetAll();
    }
}

// eventtest.c: "Write duplicate": the same fd registered twice, once with no
// events; only the READABLE registration may run.
void tst_EventTestPort::writeDuplicate()
{
    QCOMPARE(virEventRemoveHandle(m_handles[0].watch), 0);
    QCOMPARE(virEventRemoveHandle(m_handles[1].watch), 0);
    m_handles[0].pipe = m_handles[1].pipe;
    registerHandle(0, 0);
    registerHandle(1, VIR_EVENT_HANDLE_READABLE);
    QVERIFY(m_handles[0].watch > 0);
    QVERIFY(m_handles[1].watch > 0);

    QVERIFY(m_handles[1].pipe->writeByte());
    const QString problems = finishJob({1}, {});
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

QTEST_GUILESS_MAIN(tst_EventTestPort)
#include "tst_eventtest_port.moc"
