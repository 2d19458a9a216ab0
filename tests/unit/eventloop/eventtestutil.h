// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_UNIT_EVENTTESTUTIL_H
#define QTVIRT_TESTS_UNIT_EVENTTESTUTIL_H

// Shared scaffolding of the event-loop unit tests: file descriptors that
// close themselves, a recording libvirt callback, and a fixture that
// removes what a test registered and checks the free callbacks afterwards.

#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QList>
#include <QtCore/QSocketNotifier>
#include <QtCore/QString>
#include <QtCore/QThread>
#include <QtCore/QTimer>

#include <libvirt/libvirt.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <functional>
#include <mutex>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace QtVirtUnit {

// Failing to create a pipe means the machine is out of descriptors; no test
// result would mean anything after that.
inline void checkFdCall(int rc, const char *what)
{
    if (rc < 0)
        qFatal("%s failed: %s", what, strerror(errno));
}

inline void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

inline bool writeByte(int fd)
{
    const char byte = 'x';
    return ::write(fd, &byte, 1) == 1;
}

// Reads everything available from a non-blocking fd; returns the byte count.
inline int drainFd(int fd)
{
    char buf[256];
    int total = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0)
            return total;
        total += static_cast<int>(n);
    }
}

// Both ends of a non-blocking pipe. An end can be closed early to produce
// hangup or error conditions.
class Pipe
{
public:
    Pipe()
    {
        int fds[2];
        checkFdCall(::pipe2(fds, O_NONBLOCK | O_CLOEXEC), "pipe2");
        m_read = fds[0];
        m_write = fds[1];
    }
    ~Pipe()
    {
        closeRead();
        closeWrite();
    }
    Pipe(const Pipe &) = delete;
    Pipe &operator=(const Pipe &) = delete;

    int readFd() const { return m_read; }
    int writeFd() const { return m_write; }
    bool writeByte() const { return QtVirtUnit::writeByte(m_write); }
    void closeRead() { closeFd(m_read); }
    void closeWrite() { closeFd(m_write); }

private:
    int m_read = -1;
    int m_write = -1;
};

// A connected AF_UNIX stream socket pair: end(0) and end(1).
class SocketPair
{
public:
    SocketPair()
    {
        checkFdCall(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, m_fds),
                    "socketpair");
    }
    ~SocketPair()
    {
        closeEnd(0);
        closeEnd(1);
    }
    SocketPair(const SocketPair &) = delete;
    SocketPair &operator=(const SocketPair &) = delete;

    int end(int i) const { return m_fds[i]; }
    void closeEnd(int i) { closeFd(m_fds[i]); }

private:
    int m_fds[2] = {-1, -1};
};

inline bool onLoopThread()
{
    return QThread::currentThread() == QCoreApplication::instance()->thread();
}

// What one libvirt registration saw. The opaque pointer of every callback
// the tests register. Written from the loop thread, read by the test, and
// in the thread tests registered from other threads: hence atomics.
struct Recorder
{
    // Successful registrations that were given a free callback.
    std::atomic<int> registrations{0};
    // The id of the latest registration, 0 before it returned.
    std::atomic<int> id{0};
    std::atomic<int> calls{0};
    std::atomic<int> lastId{0};
    std::atomic<int> lastFd{-1};
    std::atomic<int> lastEvents{0};
    std::atomic<int> frees{0};
    std::atomic<int> depth{0};
    std::atomic<bool> reentered{false};
    std::atomic<bool> calledOffLoopThread{false};
    std::atomic<bool> freedOffLoopThread{false};

    // Set up before registering, then only read by the loop thread.
    bool drain = false;
    std::function<void(int id, int fd, int events)> onEvent;
    std::function<void(int id)> onTimeout;
    std::function<void()> onFree;
};

// Entering a callback of a registration whose callback is still on the
// stack is what the nested-loop tests look for; every test checks it.
class CallScope
{
public:
    explicit CallScope(Recorder &rec)
        : m_rec(rec)
    {
        if (!onLoopThread())
            m_rec.calledOffLoopThread = true;
        if (m_rec.depth.fetch_add(1) > 0)
            m_rec.reentered = true;
    }
    ~CallScope() { m_rec.depth.fetch_sub(1); }
    CallScope(const CallScope &) = delete;
    CallScope &operator=(const CallScope &) = delete;

private:
    Recorder &m_rec;
};

inline void recordHandleEvent(int watch, int fd, int events, void *opaque)
{
    Recorder &rec = *static_cast<Recorder *>(opaque);
    const CallScope scope(rec);
    rec.lastId = watch;
    rec.lastFd = fd;
    rec.lastEvents = events;
    ++rec.calls;
    if (rec.drain && (events & VIR_EVENT_HANDLE_READABLE))
        drainFd(fd);
    if (rec.onEvent)
        rec.onEvent(watch, fd, events);
}

inline void recordTimeout(int timer, void *opaque)
{
    Recorder &rec = *static_cast<Recorder *>(opaque);
    const CallScope scope(rec);
    rec.lastId = timer;
    ++rec.calls;
    if (rec.onTimeout)
        rec.onTimeout(timer);
}

inline void recordFree(void *opaque)
{
    Recorder &rec = *static_cast<Recorder *>(opaque);
    if (!onLoopThread())
        rec.freedOffLoopThread = true;
    ++rec.frees;
    if (rec.onFree)
        rec.onFree();
}

// Owns what a test registers. tearDown() (from cleanup()) removes every
// registration still alive, waits for the free callbacks and checks, for
// every test, that each registration's free callback ran exactly once and
// in the loop thread, that no callback ran elsewhere or re-entered itself.
// Only then are the descriptors closed: after their notifiers are gone.
class EventFixture
{
public:
    EventFixture() = default;
    EventFixture(const EventFixture &) = delete;
    EventFixture &operator=(const EventFixture &) = delete;

    // Stable references: the containers never relocate their elements.
    Recorder &recorder()
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_recorders.emplace_back();
    }
    Pipe &pipe()
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_pipes.emplace_back();
    }
    SocketPair &socketPair()
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_socketPairs.emplace_back();
    }

    // Safe from any thread.
    int addHandle(Recorder &rec, int fd, int events, bool withFree = true)
    {
        const int id = virEventAddHandle(fd, events, recordHandleEvent, &rec,
                                         withFree ? recordFree : nullptr);
        track(rec, id, withFree, m_handleIds);
        return id;
    }
    int addTimeout(Recorder &rec, int timeoutMs, bool withFree = true)
    {
        const int id
            = virEventAddTimeout(timeoutMs, recordTimeout, &rec, withFree ? recordFree : nullptr);
        track(rec, id, withFree, m_timeoutIds);
        return id;
    }

    // Empty when everything was in order, otherwise what was not.
    QString tearDown()
    {
        for (int id : m_handleIds)
            virEventRemoveHandle(id);
        for (int id : m_timeoutIds)
            virEventRemoveTimeout(id);
        QString problems;
        if (!QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(10000)))
            problems += QStringLiteral("free callbacks still pending after 10 s; ");
        int index = 0;
        for (const Recorder &rec : m_recorders) {
            const QString which
                = QStringLiteral("recorder %1 (id %2): ").arg(index++).arg(rec.id.load());
            if (rec.frees != rec.registrations)
                problems += which
                    + QStringLiteral("%1 free calls for %2 registrations; ")
                          .arg(rec.frees.load())
                          .arg(rec.registrations.load());
            if (rec.calledOffLoopThread)
                problems += which + QStringLiteral("callback ran outside the loop thread; ");
            if (rec.freedOffLoopThread)
                problems += which + QStringLiteral("free callback ran outside the loop thread; ");
            if (rec.reentered)
                problems += which + QStringLiteral("callback re-entered; ");
        }
        m_handleIds.clear();
        m_timeoutIds.clear();
        m_recorders.clear();
        m_pipes.clear();
        m_socketPairs.clear();
        return problems;
    }

private:
    void track(Recorder &rec, int id, bool withFree, std::vector<int> &ids)
    {
        if (id <= 0)
            return;
        rec.id = id;
        if (withFree)
            ++rec.registrations;
        const std::lock_guard<std::mutex> lock(m_mutex);
        ids.push_back(id);
    }

    std::mutex m_mutex;
    std::deque<Recorder> m_recorders;
    std::deque<Pipe> m_pipes;
    std::deque<SocketPair> m_socketPairs;
    std::vector<int> m_handleIds;
    std::vector<int> m_timeoutIds;
};

// Runs the calling thread's event loop the way an application does: blocked
// in the dispatcher until something wakes it. QTest::qWait instead polls
// every few milliseconds, which would hide a missing wake-up, and it flushes
// deferred deletes, which an application's nested loop does not.
inline void runLoopFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs loop until something quits it (use quitSoon(), a quit() before
// exec() would be lost) or until timeoutMs; true if it was quit in time.
inline bool runLoopUntilQuit(QEventLoop &loop, int timeoutMs)
{
    QTimer guard;
    guard.setSingleShot(true);
    bool expired = false;
    QObject::connect(&guard, &QTimer::timeout, &loop, [&] {
        expired = true;
        loop.quit();
    });
    guard.start(timeoutMs);
    loop.exec();
    return !expired;
}

// Runs an event loop until done() holds (checked every few milliseconds)
// or timeoutMs passed; returns done(). For nested loops inside callbacks,
// where QTRY_* cannot be used.
inline bool runLoopUntil(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer check;
    QElapsedTimer elapsed;
    elapsed.start();
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done() || elapsed.hasExpired(timeoutMs))
            loop.quit();
    });
    check.start(5);
    loop.exec();
    return done();
}

// From the loop thread only; see CrossThreadQuit for other threads.
inline void quitSoon(QEventLoop &loop)
{
    QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
}

// Quits a QEventLoop from another thread. Through a pipe, not a queued
// call: a queued call hands its event over through QtCore's internal
// locking, which the thread sanitizer cannot see.
class CrossThreadQuit
{
public:
    explicit CrossThreadQuit(QEventLoop &loop)
        : m_notifier(m_pipe.readFd(), QSocketNotifier::Read)
    {
        QObject::connect(&m_notifier, &QSocketNotifier::activated, &loop, &QEventLoop::quit);
    }

    void quit() const { m_pipe.writeByte(); }

private:
    Pipe m_pipe;
    QSocketNotifier m_notifier;
};

// Aborts the process when its scope is not left in time, so that a deadlock
// in the implementation fails at once with a name instead of hanging the
// run until CTest's timeout.
class Watchdog
{
public:
    Watchdog(std::chrono::milliseconds limit, const char *what)
        : m_thread([this, limit, what] {
            std::unique_lock<std::mutex> lock(m_mutex);
            if (!m_done.wait_for(lock, limit, [this] { return m_finished; })) {
                std::fprintf(stderr, "watchdog: %s did not finish within %lld ms, aborting\n", what,
                             static_cast<long long>(limit.count()));
                std::abort();
            }
        })
    { }
    ~Watchdog()
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_finished = true;
        }
        m_done.notify_all();
        m_thread.join();
    }
    Watchdog(const Watchdog &) = delete;
    Watchdog &operator=(const Watchdog &) = delete;

private:
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_finished = false;
    std::thread m_thread;
};

struct CapturedMessage
{
    QtMsgType type;
    QByteArray category;
    QString text;
};

// Takes every message, from any thread, away from QTest while alive, so that
// a test can assert the category of a message, which QTest::ignoreMessage
// cannot. Everything else a test expects to stay silent is still caught by
// QtVirtTest::failOnAnyWarning() outside of such a scope.
class MessageCapture
{
public:
    MessageCapture()
    {
        s_instance = this;
        m_previous = qInstallMessageHandler(&MessageCapture::handler);
    }
    ~MessageCapture()
    {
        qInstallMessageHandler(m_previous);
        s_instance = nullptr;
    }
    MessageCapture(const MessageCapture &) = delete;
    MessageCapture &operator=(const MessageCapture &) = delete;

    QList<CapturedMessage> messages() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_messages;
    }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        MessageCapture *self = s_instance.load();
        if (!self)
            return;
        const std::lock_guard<std::mutex> lock(self->m_mutex);
        self->m_messages.append({type, QByteArray(context.category), text});
    }

    static inline std::atomic<MessageCapture *> s_instance{nullptr};
    QtMessageHandler m_previous = nullptr;
    mutable std::mutex m_mutex;
    QList<CapturedMessage> m_messages;
};

// "type category: text" of each message, for failure output.
inline QString describe(const QList<CapturedMessage> &messages)
{
    QString out = QStringLiteral("%1 messages: ").arg(messages.size());
    for (const CapturedMessage &m : messages)
        out += QStringLiteral("[%1 %2: %3] ")
                   .arg(static_cast<int>(m.type))
                   .arg(QString::fromLatin1(m.category), m.text);
    return out;
}

// The implementation reports on its own category; anything else (Qt's
// notifier and timer warnings) means it misused Qt.
inline bool onlyOnEventCategory(const QList<CapturedMessage> &messages)
{
    for (const CapturedMessage &m : messages) {
        if (m.category != "qtvirt.event")
            return false;
    }
    return true;
}

inline bool hasWarning(const QList<CapturedMessage> &messages)
{
    for (const CapturedMessage &m : messages) {
        if (m.type == QtWarningMsg)
            return true;
    }
    return false;
}

} // namespace QtVirtUnit

#endif // QTVIRT_TESTS_UNIT_EVENTTESTUTIL_H
