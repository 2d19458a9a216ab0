// SPDX-License-Identifier: LGPL-2.1-or-later
//
// File descriptor watches: which events reach which callback, and when.
// Each test runs on both of Qt's dispatchers (see tests/CMakeLists.txt),
// because they differ exactly here: how many notifiers one fd may have,
// which conditions wake a Write notifier, and whether sources recurse.

#include "eventtestutil.h"
#include "testsupport.h"

#include <QtTest/QTest>

#include <poll.h>

using namespace QtVirtUnit;

namespace {

constexpr int kRW = VIR_EVENT_HANDLE_READABLE | VIR_EVENT_HANDLE_WRITABLE;

// Level-triggered conditions such as hangup would fire every iteration;
// tests that look at one delivery remove the watch from its own callback.
void removeSelf(int id, int, int)
{
    virEventRemoveHandle(id);
}

short pollOnce(int fd, short events)
{
    pollfd p = {fd, events, 0};
    return ::poll(&p, 1, 0) == 1 ? p.revents : 0;
}

// Fills a non-blocking pipe until the kernel reports it full (no POLLOUT).
void fillPipe(int writeFd)
{
    static const char chunk[4096] = {};
    while (::write(writeFd, chunk, sizeof chunk) > 0) { }
    while (::write(writeFd, chunk, 1) > 0) { }
}

} // namespace

class tst_Handles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void negativeFdIsRejectedWithWarning();
    void sameFdReadAndWriteWatchesGetTheirOwnEvents();
    void churnOnSameFdNeverDeafensOlderWatch_data();
    void churnOnSameFdNeverDeafensOlderWatch();
    void reAddingOnSameFdAfterRemoveKeepsWorking();
    void hangupReportedToReadableWatchOnPipe();
    void readableAndHangupReportedTogetherOnPipe();
    void hangupReportedToWriteOnlyWatchOnSocket();
    void errorReportedToWritableWatchOnPipeWithoutReader_data();
    void errorReportedToWritableWatchOnPipeWithoutReader();
    void hangupReportedToReadableWatchAfterTraffic();
    void hangupReportedToWriteOnlyWatchAfterTraffic();
    void errorReportedToWritableWatchAfterTraffic();
    void silentWatchDoesNotFireUntilArmed();
    void silentWatchIgnoresHangup();
    void updateToSilentStopsCallbacksAtOnce();
    void removedWatchNeverFiresInSamePass();
    void removedWatchOnSameFdNeverFiresInSamePass();
    void registrationsReplacedDuringDispatchOnSameFd();
    void removedWatchNeverFiresFromNestedLoop();
    void callbackNotReenteredFromNestedLoop();

private:
    EventFixture m_fx;
};

void tst_Handles::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
}

void tst_Handles::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_Handles::cleanup()
{
    const QString problems = m_fx.tearDown();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// libvirt frees the opaque itself when adding fails
// (virNetSocketAddIOCallback), so a rejected registration must never call
// its free callback: that would be a double unref.
void tst_Handles::negativeFdIsRejectedWithWarning()
{
    Recorder &rec = m_fx.recorder();
    int id = 0;
    QList<CapturedMessage> messages;
    {
        const MessageCapture capture;
        id = m_fx.addHandle(rec, -1, VIR_EVENT_HANDLE_READABLE);
        messages = capture.messages();
    }
    QCOMPARE(id, -1);
    QVERIFY2(onlyOnEventCategory(messages) && hasWarning(messages), qPrintable(describe(messages)));

    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
    runLoopFor(50);
    QCOMPARE(rec.frees.load(), 0);
    QCOMPARE(rec.calls.load(), 0);
}

// One READABLE and one WRITABLE registration on the same socket: each gets
// its own condition, and only its own.
void tst_Handles::sameFdReadAndWriteWatchesGetTheirOwnEvents()
{
    SocketPair &sp = m_fx.socketPair();
    Recorder &reader = m_fx.recorder();
    reader.drain = true;
    Recorder &writer = m_fx.recorder();
    // Always writable: silence after each delivery, re-armed below.
    writer.onEvent = [](int id, int, int) { virEventUpdateHandle(id, 0); };

    QVERIFY(m_fx.addHandle(reader, sp.end(0), VIR_EVENT_HANDLE_READABLE) > 0);
    const int writeId = m_fx.addHandle(writer, sp.end(0), VIR_EVENT_HANDLE_WRITABLE);
    QVERIFY(writeId > 0);

    QTRY_COMPARE_WITH_TIMEOUT(writer.calls.load(), 1, 5000);
    QCOMPARE(writer.lastEvents.load(), int(VIR_EVENT_HANDLE_WRITABLE));
    QCOMPARE(reader.calls.load(), 0);

    QVERIFY(writeByte(sp.end(1)));
    QTRY_VERIFY_WITH_TIMEOUT(reader.calls > 0, 5000);
    QCOMPARE(reader.lastEvents.load(), int(VIR_EVENT_HANDLE_READABLE));
    QCOMPARE(reader.lastFd.load(), sp.end(0));

    virEventUpdateHandle(writeId, VIR_EVENT_HANDLE_WRITABLE);
    QTRY_COMPARE_WITH_TIMEOUT(writer.calls.load(), 2, 5000);
    QCOMPARE(writer.lastEvents.load(), int(VIR_EVENT_HANDLE_WRITABLE));
    QCOMPARE(writer.lastFd.load(), sp.end(0));
}

void tst_Handles::churnOnSameFdNeverDeafensOlderWatch_data()
{
    QTest::addColumn<int>("olderEvents");
    QTest::addColumn<int>("churnEvents");
    QTest::newRow("older reader, churning writers")
        << int(VIR_EVENT_HANDLE_READABLE) << int(VIR_EVENT_HANDLE_WRITABLE);
    QTest::newRow("older writer, churning readers")
        << int(VIR_EVENT_HANDLE_WRITABLE) << int(VIR_EVENT_HANDLE_READABLE);
}

// Registrations come and go on an fd that keeps an older one (libvirt's
// RPC client and its streams). On the Unix dispatcher a second notifier for
// the same fd and type takes the slot over and prints "Multiple socket
// notifiers for same socket" (failOnAnyWarning catches it); when it is
// destroyed, the older notifier is left deaf.
void tst_Handles::churnOnSameFdNeverDeafensOlderWatch()
{
    QFETCH(int, olderEvents);
    QFETCH(int, churnEvents);

    SocketPair &sp = m_fx.socketPair();
    Recorder &older = m_fx.recorder();
    older.drain = true;
    QVERIFY(m_fx.addHandle(older, sp.end(0), olderEvents) > 0);

    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 20; ++i) {
            Recorder &churn = m_fx.recorder();
            const int id = m_fx.addHandle(churn, sp.end(0), churnEvents);
            QVERIFY(id > 0);
            // Half of them get a live notifier before they go.
            if (i % 2)
                QCoreApplication::processEvents();
            QCOMPARE(virEventRemoveHandle(id), 0);
        }
        older.calls = 0;
        if (olderEvents & VIR_EVENT_HANDLE_READABLE)
            QVERIFY(writeByte(sp.end(1)));
        QTRY_VERIFY2_WITH_TIMEOUT(older.calls > 0,
                                  qPrintable(QStringLiteral("round %1").arg(round)), 5000);
        QCOMPARE(older.lastEvents.load() & kRW, olderEvents);
    }
}

// Remove and add again on the same fd, as libvirt does when a stream or
// client re-registers. The removed notifier may not yet be destroyed when
// the new one is created; its late destruction must not unhook the new one.
void tst_Handles::reAddingOnSameFdAfterRemoveKeepsWorking()
{
    Pipe &p = m_fx.pipe();
    QList<Recorder *> removed;
    for (int i = 0; i < 20; ++i) {
        Recorder &rec = m_fx.recorder();
        const int id = m_fx.addHandle(rec, p.readFd(), VIR_EVENT_HANDLE_READABLE);
        QVERIFY(id > 0);
        if (i % 2)
            QCoreApplication::processEvents();
        QCOMPARE(virEventRemoveHandle(id), 0);
        removed.append(&rec);
    }
    Recorder &last = m_fx.recorder();
    last.drain = true;
    QVERIFY(m_fx.addHandle(last, p.readFd(), VIR_EVENT_HANDLE_READABLE) > 0);
    // Whatever the removed registrations left to clean up happens now.
    runLoopFor(50);

    for (int round = 0; round < 3; ++round) {
        last.calls = 0;
        QVERIFY(p.writeByte());
        QTRY_VERIFY_WITH_TIMEOUT(last.calls > 0, 5000);
    }
    for (const Recorder *rec : std::as_const(removed))
        QCOMPARE(rec->calls.load(), 0);
}

// Linux poll() on an empty pipe whose writer is gone: POLLHUP alone, no
// POLLIN. libvirt's RPC client tells EOF from error by HANGUP.
void tst_Handles::hangupReportedToReadableWatchOnPipe()
{
    Pipe &p = m_fx.pipe();
    p.closeWrite();
    Recorder &rec = m_fx.recorder();
    rec.onEvent = removeSelf;
    QVERIFY(m_fx.addHandle(rec, p.readFd(), VIR_EVENT_HANDLE_READABLE) > 0);

    QTRY_COMPARE_WITH_TIMEOUT(rec.calls.load(), 1, 5000);
    QCOMPARE(rec.lastEvents.load(), int(VIR_EVENT_HANDLE_HANGUP));
    runLoopFor(50);
    QCOMPARE(rec.calls.load(), 1);
}

// Unread data and a closed writer: POLLIN|POLLHUP, both must be reported.
void tst_Handles::readableAndHangupReportedTogetherOnPipe()
{
    Pipe &p = m_fx.pipe();
    QVERIFY(p.writeByte());
    p.closeWrite();
    Recorder &rec = m_fx.recorder();
    rec.onEvent = removeSelf;
    QVERIFY(m_fx.addHandle(rec, p.readFd(), VIR_EVENT_HANDLE_READABLE) > 0);

    QTRY_COMPARE_WITH_TIMEOUT(rec.calls.load(), 1, 5000);
    QCOMPARE(rec.lastEvents.load(), int(VIR_EVENT_HANDLE_READABLE | VIR_EVENT_HANDLE_HANGUP));
}

// libvirt watches a connected socket for WRITABLE only while it has bytes
// to send; the peer going away must still be reported to that watch (Qt's
// GLib dispatcher does not wake a Write notifier on HUP). Unread data is
// left in the socket: a WRITABLE-only watch must not be told READABLE,
// which poll() with POLLOUT alone never reports either.
void tst_Handles::hangupReportedToWriteOnlyWatchOnSocket()
{
    SocketPair &sp = m_fx.socketPair();
    QVERIFY(writeByte(sp.end(1)));
    sp.closeEnd(1);
    Recorder &rec = m_fx.recorder();
    rec.onEvent = removeSelf;
    QVERIFY(m_fx.addHandle(rec, sp.end(0), VIR_EVENT_HANDLE_WRITABLE) > 0);

    QTRY_COMPARE_WITH_TIMEOUT(rec.calls.load(), 1, 5000);
    const int events = rec.lastEvents;
    QVERIFY2(events & (VIR_EVENT_HANDLE_HANGUP | VIR_EVENT_HANDLE_ERROR),
             qPrintable(QStringLiteral("events %1").arg(events)));
    QVERIFY2(!(events & VIR_EVENT_HANDLE_READABLE),
             qPrintable(QStringLiteral("events %1").arg(events)));
}

void tst_Handles::errorReportedToWritableWatchOnPipeWithoutReader_data()
{
    QTest::addColumn<bool>("full");
    QTest::addColumn<int>("expected");
    QTest::newRow("room left") << false << int(VIR_EVENT_HANDLE_WRITABLE | VIR_EVENT_HANDLE_ERROR);
    QTest::newRow("full") << true << int(VIR_EVENT_HANDLE_ERROR);
}

// Linux poll() on a pipe's write end whose reader is gone: POLLERR, plus
// POLLOUT only while the pipe has room. A full pipe makes ERROR the only
// condition, which no Write notifier is asked for.
void tst_Handles::errorReportedToWritableWatchOnPipeWithoutReader()
{
    QFETCH(bool, full);
    QFETCH(int, expected);

    Pipe &p = m_fx.pipe();
    if (full) {
        fillPipe(p.writeFd());
        QCOMPARE(pollOnce(p.writeFd(), POLLOUT) & POLLOUT, 0);
    }
    p.closeRead();
    Recorder &rec = m_fx.recorder();
    rec.onEvent = removeSelf;
    QVERIFY(m_fx.addHandle(rec, p.writeFd(), VIR_EVENT_HANDLE_WRITABLE) > 0);

    QTRY_COMPARE_WITH_TIMEOUT(rec.calls.load(), 1, 5000);
    QCOMPARE(rec.lastEvents.load(), expected);
}

// The fast readiness paths (GLib side channel, Unix deferred dispatch) arm
// at an fd's first activation, so the tests above, whose first event is the
// hangup, never reach them. These let data flow first.
void tst_Handles::hangupReportedToReadableWatchAfterTraffic()
{
    Pipe &p = m_fx.pipe();
    Recorder &rec = m_fx.recorder();
    rec.drain = true;
    QVERIFY(m_fx.addHandle(rec, p.readFd(), VIR_EVENT_HANDLE_READABLE) > 0);
    for (int round = 1; round <= 3; ++round) {
        QVERIFY(p.writeByte());
        QTRY_COMPARE_WITH_TIMEOUT(rec.calls.load(), round, 5000);
        QCOMPARE(rec.lastEvents.load(), int(VIR_EVENT_HANDLE_READABLE));
    }

    rec.onEvent = removeSelf;
    p.closeWrite();
    QTRY_COMPARE_WITH_TIMEOUT(rec.calls.load(), 4, 5000);
    QCOMPARE(rec.lastEvents.load(), int(VIR_EVENT_HANDLE_HANGUP));
}

void tst_Handles::hangupReportedToWriteOnlyWatchAfterTraffic()
{
    SocketPair &sp = m_fx.socketPair();
    Recorder &rec = m_fx.recorder();
    std::atomic<int> writableOnly{0};
    std::atomic<int> failure{0};
    rec.onEvent = [&](int id, int, int events) {
        if (events == VIR_EVENT_HANDLE_WRITABLE) {
            ++writableOnly;
            return;
        }
        failure = events;
        virEventRemoveHandle(id);
    };
    QVERIFY(m_fx.addHandle(rec, sp.end(0), VIR_EVENT_HANDLE_WRITABLE) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(writableOnly.load() >= 3, 5000);

    // Unread data makes the socket readable too, which this watch never
    // asked for.
    QVERIFY(writeByte(sp.end(1)));
    sp.closeEnd(1);
    QTRY_VERIFY_WITH_TIMEOUT(failure.load() != 0, 5000);
    const int events = failure;
    QVERIFY2(events & (VIR_EVENT_HANDLE_HANGUP | VIR_EVENT_HANDLE_ERROR),
             qPrintable(QStringLiteral("events %1").arg(events)));
    QVERIFY2(!(events & VIR_EVENT_HANDLE_READABLE),
             qPrintable(QStringLiteral("events %1").arg(events)));
}

// After traffic, a full pipe whose reader goes away: ERROR is the only
// condition, and it must arrive exactly.
void tst_Handles::errorReportedToWritableWatchAfterTraffic()
{
    Pipe &p = m_fx.pipe();
    Recorder &rec = m_fx.recorder();
    std::atomic<bool> filled{false};
    rec.onEvent = [&](int id, int fd, int events) {
        if (!filled) {
            fillPipe(fd);
            filled = true;
            return;
        }
        if (events & VIR_EVENT_HANDLE_ERROR)
            virEventRemoveHandle(id);
    };
    QVERIFY(m_fx.addHandle(rec, p.writeFd(), VIR_EVENT_HANDLE_WRITABLE) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(filled.load(), 5000);
    runLoopFor(50);
    QCOMPARE(rec.calls.load(), 1); // a full pipe is not writable

    p.closeRead();
    QTRY_COMPARE_WITH_TIMEOUT(rec.calls.load(), 2, 5000);
    QCOMPARE(rec.lastEvents.load(), int(VIR_EVENT_HANDLE_ERROR));
}

// events == 0: registered but silent, although data is waiting; the RPC
// client toggles 0 and READABLE around every synchronous call.
void tst_Handles::silentWatchDoesNotFireUntilArmed()
{
    Pipe &p = m_fx.pipe();
    QVERIFY(p.writeByte());
    Recorder &rec = m_fx.recorder();
    rec.drain = true;
    const int id = m_fx.addHandle(rec, p.readFd(), 0);
    QVERIFY(id > 0);

    runLoopFor(200);
    QCOMPARE(rec.calls.load(), 0);

    virEventUpdateHandle(id, VIR_EVENT_HANDLE_READABLE);
    QTRY_COMPARE_WITH_TIMEOUT(rec.calls.load(), 1, 5000);
    QCOMPARE(rec.lastEvents.load(), int(VIR_EVENT_HANDLE_READABLE));
}

// Silent means silent: hangup, although always delivered to a watch that
// asks for something, is not delivered to one that asks for nothing
// (libvirt's own GLib loop drops the source at events == 0).
void tst_Handles::silentWatchIgnoresHangup()
{
    Pipe &p = m_fx.pipe();
    QVERIFY(p.writeByte());
    p.closeWrite();
    Recorder &rec = m_fx.recorder();
    rec.onEvent = removeSelf;
    const int id = m_fx.addHandle(rec, p.readFd(), 0);
    QVERIFY(id > 0);

    runLoopFor(200);
    QCOMPARE(rec.calls.load(), 0);

    virEventUpdateHandle(id, VIR_EVENT_HANDLE_READABLE);
    QTRY_COMPARE_WITH_TIMEOUT(rec.calls.load(), 1, 5000);
    QCOMPARE(rec.lastEvents.load(), int(VIR_EVENT_HANDLE_READABLE | VIR_EVENT_HANDLE_HANGUP));
}

// A ready fd that is never drained fires on every iteration; going silent
// must stop that from the moment the update returns, and going READABLE
// again must restart it, repeatedly.
void tst_Handles::updateToSilentStopsCallbacksAtOnce()
{
    Pipe &p = m_fx.pipe();
    QVERIFY(p.writeByte());
    Recorder &rec = m_fx.recorder();
    const int id = m_fx.addHandle(rec, p.readFd(), VIR_EVENT_HANDLE_READABLE);
    QVERIFY(id > 0);

    for (int round = 0; round < 5; ++round) {
        const int before = rec.calls;
        QTRY_VERIFY_WITH_TIMEOUT(rec.calls > before + 1, 5000);
        virEventUpdateHandle(id, 0);
        const int silenced = rec.calls;
        runLoopFor(100);
        QCOMPARE(rec.calls.load(), silenced);
        virEventUpdateHandle(id, VIR_EVENT_HANDLE_READABLE);
    }
}

// Several fds ready in the same dispatch pass; whichever callback runs first
// removes every registration. None of the others may run afterwards, though
// the pass already found their fds ready (eventtest.c "deleted during
// dispatch", libvirtaio a5cc6da).
void tst_Handles::removedWatchNeverFiresInSamePass()
{
    constexpr int kWatches = 8;
    std::vector<int> ids(kWatches, 0);
    QList<Recorder *> recs;
    for (int i = 0; i < kWatches; ++i) {
        Pipe &p = m_fx.pipe();
        QVERIFY(p.writeByte());
        Recorder &rec = m_fx.recorder();
        rec.onEvent = [&ids](int, int, int) {
            for (int id : ids)
                virEventRemoveHandle(id);
        };
        recs.append(&rec);
        ids[i] = m_fx.addHandle(rec, p.readFd(), VIR_EVENT_HANDLE_READABLE);
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

// Two registrations on one socket, READABLE and WRITABLE, made ready at
// once by the peer leaving (unread data, and HANGUP, which both of them
// hear); whichever runs first removes the other.
void tst_Handles::removedWatchOnSameFdNeverFiresInSamePass()
{
    SocketPair &sp = m_fx.socketPair();
    QVERIFY(writeByte(sp.end(1)));
    sp.closeEnd(1);
    Recorder &reader = m_fx.recorder();
    Recorder &writer = m_fx.recorder();
    int readerId = 0;
    int writerId = 0;
    reader.onEvent = [&](int, int, int) {
        virEventRemoveHandle(writerId);
        virEventRemoveHandle(readerId);
    };
    writer.onEvent = [&](int, int, int) {
        virEventRemoveHandle(readerId);
        virEventRemoveHandle(writerId);
    };
    readerId = m_fx.addHandle(reader, sp.end(0), VIR_EVENT_HANDLE_READABLE);
    writerId = m_fx.addHandle(writer, sp.end(0), VIR_EVENT_HANDLE_WRITABLE);
    QVERIFY(readerId > 0);
    QVERIFY(writerId > 0);

    QTRY_VERIFY_WITH_TIMEOUT(reader.calls + writer.calls > 0, 5000);
    runLoopFor(100);
    QCOMPARE(reader.calls + writer.calls, 1);
}

// libvirtaio a5cc6da ("dictionary changed size during iteration"): a
// callback replaces its own registration on the fd being dispatched, as
// libvirt does when it re-registers a socket. The pass goes on safely with
// the other registration of that fd, and the replacement is served later.
void tst_Handles::registrationsReplacedDuringDispatchOnSameFd()
{
    SocketPair &sp = m_fx.socketPair();
    QVERIFY(writeByte(sp.end(1)));
    sp.closeEnd(1);
    Recorder &reader = m_fx.recorder();
    Recorder &writer = m_fx.recorder();
    Recorder &replacement = m_fx.recorder();
    replacement.onEvent = removeSelf;
    writer.onEvent = removeSelf;
    int replacementId = 0;
    reader.onEvent = [&](int id, int fd, int) {
        virEventRemoveHandle(id);
        replacementId = m_fx.addHandle(replacement, fd, VIR_EVENT_HANDLE_READABLE);
    };
    QVERIFY(m_fx.addHandle(reader, sp.end(0), VIR_EVENT_HANDLE_READABLE) > 0);
    QVERIFY(m_fx.addHandle(writer, sp.end(0), VIR_EVENT_HANDLE_WRITABLE) > 0);

    QTRY_VERIFY_WITH_TIMEOUT(replacement.calls > 0 && writer.calls > 0, 5000);
    runLoopFor(100);
    QVERIFY(replacementId > 0);
    QCOMPARE(reader.calls.load(), 1);
    QCOMPARE(writer.calls.load(), 1);
    QCOMPARE(replacement.calls.load(), 1);
    QCOMPARE(replacement.lastId.load(), replacementId);
    QCOMPARE(replacement.lastEvents.load(),
             int(VIR_EVENT_HANDLE_READABLE | VIR_EVENT_HANDLE_HANGUP));
}

// As above, but the first callback opens a nested event loop after removing
// the others, as a modal dialog in a callback would: the pass that found
// them ready is still on the stack below it.
void tst_Handles::removedWatchNeverFiresFromNestedLoop()
{
    Pipe &pa = m_fx.pipe();
    Pipe &pb = m_fx.pipe();
    QVERIFY(pa.writeByte());
    QVERIFY(pb.writeByte());
    Recorder &a = m_fx.recorder();
    Recorder &b = m_fx.recorder();
    int idA = 0;
    int idB = 0;
    int othersCallsAfterNested = -1;
    const auto removeOtherThenNest = [&](int self, int other, Recorder &otherRec) {
        virEventRemoveHandle(other);
        runLoopFor(100);
        othersCallsAfterNested = otherRec.calls;
        virEventRemoveHandle(self);
    };
    a.onEvent = [&](int, int, int) { removeOtherThenNest(idA, idB, b); };
    b.onEvent = [&](int, int, int) { removeOtherThenNest(idB, idA, a); };
    idA = m_fx.addHandle(a, pa.readFd(), VIR_EVENT_HANDLE_READABLE);
    idB = m_fx.addHandle(b, pb.readFd(), VIR_EVENT_HANDLE_READABLE);
    QVERIFY(idA > 0);
    QVERIFY(idB > 0);

    QTRY_VERIFY_WITH_TIMEOUT(othersCallsAfterNested >= 0, 5000);
    QCOMPARE(othersCallsAfterNested, 0);
    runLoopFor(100);
    QCOMPARE(a.calls + b.calls, 1);
}

// A callback that runs a nested event loop while its fd stays readable: the
// GLib dispatcher would recurse into the same watch. It must not be
// re-entered, while other watches, including one on the same fd, keep being
// served inside the nested loop, and it must fire again once it returned.
void tst_Handles::callbackNotReenteredFromNestedLoop()
{
    SocketPair &sp = m_fx.socketPair();
    QVERIFY(writeByte(sp.end(1)));
    Pipe &other = m_fx.pipe();

    Recorder &otherRec = m_fx.recorder();
    otherRec.drain = true;
    QVERIFY(m_fx.addHandle(otherRec, other.readFd(), VIR_EVENT_HANDLE_READABLE) > 0);

    Recorder &sameFdWriter = m_fx.recorder();
    sameFdWriter.onEvent = [](int id, int, int) { virEventUpdateHandle(id, 0); };
    const int writerId = m_fx.addHandle(sameFdWriter, sp.end(0), 0);
    QVERIFY(writerId > 0);

    Recorder &nester = m_fx.recorder();
    bool servedInNested = false;
    nester.onEvent = [&](int id, int, int) {
        if (nester.calls > 1) {
            virEventRemoveHandle(id);
            return;
        }
        QVERIFY(other.writeByte());
        virEventUpdateHandle(writerId, VIR_EVENT_HANDLE_WRITABLE);
        QElapsedTimer nestedFor;
        nestedFor.start();
        servedInNested = runLoopUntil(
            [&] {
                return otherRec.calls > 0 && sameFdWriter.calls > 0 && nestedFor.elapsed() >= 50;
            },
            5000);
    };
    QVERIFY(m_fx.addHandle(nester, sp.end(0), VIR_EVENT_HANDLE_READABLE) > 0);

    QTRY_COMPARE_WITH_TIMEOUT(nester.calls.load(), 2, 10000);
    QVERIFY(servedInNested);
    QVERIFY(!nester.reentered);
    QCOMPARE(sameFdWriter.lastEvents.load(), int(VIR_EVENT_HANDLE_WRITABLE));
}

QTEST_GUILESS_MAIN(tst_Handles)
#include "tst_handles.moc"
