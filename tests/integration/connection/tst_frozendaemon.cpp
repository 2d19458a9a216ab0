// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A frozen daemon must hang neither the GUI thread nor the
// process exit.
//
// A daemon stopped with SIGSTOP accepts connections (the kernel queues
// them) but answers nothing. QVirtConnection used to tear a connection down
// on the calling thread: close() and the destructor deregistered each event
// callback with a round trip to the daemon and then called
// virConnectClose(), another round trip, so with the daemon frozen they
// blocked the GUI thread for keepalive interval x count (forever with
// keepalive off). open() ran its worker on QThreadPool::globalInstance(),
// whose threads QCoreApplication's destructor waits for: an application
// whose open hung on a frozen daemon could not exit at all.
//
// Every test freezes the daemon through ProcessFreeze, which sends SIGCONT
// on every way out of its scope (and from a watchdog process should this
// one die), so that the shared testbed daemon always runs again. A thaw can
// crash libvirtd 9.0 itself (docs/testbed.md): each test then has it
// restarted, saying so, before it goes on.

#include "connectiontestsupport.h"
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainEvents>
#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QElapsedTimer>
#include <QtCore/QProcess>
#include <QtCore/QScopeGuard>
#include <QtCore/QThread>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <csignal>
#include <memory>
#include <optional>
#include <thread>

using namespace QtVirtIntegration;
using namespace QtVirtConnectionTest;

namespace {

// The GUI thread may be blocked at most this long by close() or the
// destructor, however the daemon behaves: our users' bound.
constexpr qint64 TeardownBudgetMs = 100;
// And an application from quit() to the end of the process.
constexpr qint64 ExitBudgetMs = 2000;

void ignoreLibvirtError(void *, virErrorPtr) { }

// Runs the event loop for duration and returns the longest time one pass
// of it took: how long the GUI thread was blocked at worst meanwhile.
qint64 longestLoopPass(std::chrono::milliseconds duration)
{
    QElapsedTimer total;
    total.start();
    qint64 longest = 0;
    while (total.elapsed() < duration.count()) {
        QElapsedTimer pass;
        pass.start();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        longest = qMax(longest, pass.elapsed());
        QThread::msleep(1);
    }
    return longest;
}

} // namespace

class tst_FrozenDaemon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void closeReturnsAtOnce_data();
    void closeReturnsAtOnce();
    void destructorReturnsAtOnce_data();
    void destructorReturnsAtOnce();
    void applicationWithStuckOpenExits();
    void applicationClosingOnFrozenDaemonExits();
    void destructorDropsUndeliveredOpenAtOnce();
    void registeringReturnsAtOnce_data();
    void registeringReturnsAtOnce();

private:
    // Opens a connection with a slot on several event signals, so that a
    // teardown has callbacks to deregister; keepalive as the data row says.
    void openWithCallbacks(QVirtConnection *conn,
                           std::unique_ptr<LifecycleSignalRecorder> &recorder);
    // When the helper application's daemon freezes: before it starts, or
    // once it printed "opened" (then it is told "frozen").
    enum class FreezeAt { Start, Opened };
    // Runs the helper application with arguments against the frozen
    // daemon; it prints quitting when it calls quit(). Fails the test
    // unless it then exits cleanly within ExitBudgetMs, saying "exiting".
    void verifyHelperExitsInTime(const QStringList &arguments, FreezeAt freezeAt,
                                 const QByteArray &quitting);
    QString m_uri;
};

void tst_FrozenDaemon::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    QVERIFY(!m_uri.isEmpty());
}

void tst_FrozenDaemon::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_FrozenDaemon::cleanup()
{
    // Also waits for the teardowns that close() left running while the
    // daemon was frozen: the daemon runs again here, so they finish, and
    // LeakSanitizer sees what they released.
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(10000)));
}

void tst_FrozenDaemon::openWithCallbacks(QVirtConnection *conn,
                                         std::unique_ptr<LifecycleSignalRecorder> &recorder)
{
    QFETCH(int, keepAliveInterval);
    conn->setKeepAliveInterval(keepAliveInterval);
    conn->setKeepAliveCount(2);
    recorder = std::make_unique<LifecycleSignalRecorder>(conn);
    connect(conn, &QVirtConnection::domainRebooted, recorder.get(), [] {});
    connect(conn, &QVirtConnection::networkLifecycle, recorder.get(), [] {});
    connect(conn, &QVirtConnection::storagePoolLifecycle, recorder.get(), [] {});
    QVERIFY2(conn->openBlocking(m_uri), qPrintable(conn->errorString()));
}

void tst_FrozenDaemon::closeReturnsAtOnce_data()
{
    QTest::addColumn<int>("keepAliveInterval");
    QTest::newRow("keepalive 1 s x 2") << 1;
    QTest::newRow("keepalive off") << 0;
}

void tst_FrozenDaemon::closeReturnsAtOnce()
{
    const auto daemon = static_cast<pid_t>(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    QVirtConnection conn;
    std::unique_ptr<LifecycleSignalRecorder> recorder;
    openWithCallbacks(&conn, recorder);
    QVERIFY(recorder);
    QSignalSpy closed(&conn, &QVirtConnection::closed);
    QSignalSpy states(&conn, &QVirtConnection::stateChanged);

    qint64 closeMs = -1;
    {
        const ProcessFreeze freeze(daemon);
        QVERIFY2(freeze.isFrozen(), qPrintable(freeze.errorString()));
        QElapsedTimer timer;
        timer.start();
        conn.close();
        closeMs = timer.elapsed();
        // close() reports at once what it promises: closed, no handle.
        QCOMPARE(conn.state(), QVirtConnection::State::Closed);
        QCOMPARE(conn.handle(), nullptr);
        QCOMPARE(closed.size(), 1);
        QCOMPARE(closed.at(0).at(0).value<QVirtConnection::CloseReason>(),
                 QVirtConnection::CloseReason::Client);
        // Longer than keepalive would need to declare the daemon dead: a
        // teardown still running must not reach this object any more.
        QTest::qWait(4000);
    }
    qInfo("close() took %lld ms with the daemon frozen", closeMs);
    QVERIFY(restartDaemonIfItCrashedOnThaw(daemon));
    QVERIFY2(closeMs <= TeardownBudgetMs, qPrintable(QStringLiteral("%1 ms").arg(closeMs)));

    // Thawed: events caused now may still reach the old client before its
    // deregistrations do, and must not be delivered after close().
    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("frozenclose"));
    const Connection raw = openTestConnection();
    QVERIFY(raw);
    const QString lifecycle = runLifecycle(raw.get(), name);
    QVERIFY2(lifecycle.isEmpty(), qPrintable(lifecycle));
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(10000)));
    QTest::qWait(200);
    QCOMPARE(recorder->events().size(), 0);
    QCOMPARE(closed.size(), 1);
    QCOMPARE(states.size(), 1);

    // The thawed daemon takes the same object again.
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));
    QVERIFY(conn.isOpen());
}

void tst_FrozenDaemon::destructorReturnsAtOnce_data()
{
    closeReturnsAtOnce_data();
}

void tst_FrozenDaemon::destructorReturnsAtOnce()
{
    const auto daemon = static_cast<pid_t>(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    auto conn = std::make_unique<QVirtConnection>();
    std::unique_ptr<LifecycleSignalRecorder> recorder;
    openWithCallbacks(conn.get(), recorder);
    QVERIFY(recorder);

    qint64 destroyMs = -1;
    {
        const ProcessFreeze freeze(daemon);
        QVERIFY2(freeze.isFrozen(), qPrintable(freeze.errorString()));
        QElapsedTimer timer;
        timer.start();
        conn.reset();
        destroyMs = timer.elapsed();
        // Callbacks libvirt still holds for the teardown must not touch the
        // destroyed object when the keepalive or the thaw ends it.
        QTest::qWait(4000);
    }
    qInfo("~QVirtConnection took %lld ms with the daemon frozen", destroyMs);
    QVERIFY(restartDaemonIfItCrashedOnThaw(daemon));
    QVERIFY2(destroyMs <= TeardownBudgetMs, qPrintable(QStringLiteral("%1 ms").arg(destroyMs)));

    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("frozendtor"));
    const Connection raw = openTestConnection();
    QVERIFY(raw);
    const QString lifecycle = runLifecycle(raw.get(), name);
    QVERIFY2(lifecycle.isEmpty(), qPrintable(lifecycle));
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(10000)));
    QTest::qWait(200);
}

void tst_FrozenDaemon::applicationWithStuckOpenExits()
{
    // The daemon is frozen before the application connects: its open
    // worker blocks in virConnectOpenAuth() and stays there.
    verifyHelperExitsInTime({m_uri, QStringLiteral("500")}, FreezeAt::Start, "quitting Opening");
}

// README's way out, close() and then
// QtVirtEventImpl::waitForPendingFrees() with no argument, must not hang an
// application whose daemon froze while its connection was open. close()
// leaves the teardown (deregistrations, virConnectClose()) to a thread of
// its own, but waitForPendingFrees() used to wait for that thread with no
// deadline by default: with keepalive off the process never exited (with
// keepalive on, only after interval x count, 30 s by default).
void tst_FrozenDaemon::applicationClosingOnFrozenDaemonExits()
{
    verifyHelperExitsInTime({m_uri, QStringLiteral("200"), QStringLiteral("close-frozen")},
                            FreezeAt::Opened, "quitting Open");
}

void tst_FrozenDaemon::verifyHelperExitsInTime(const QStringList &arguments, FreezeAt freezeAt,
                                               const QByteArray &quitting)
{
    const auto daemon = static_cast<pid_t>(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    QProcess app;
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const auto reap = qScopeGuard([&app] {
        if (app.state() != QProcess::NotRunning) {
            app.kill();
            app.waitForFinished(5000);
        }
    });

    qint64 exitMs = -1;
    {
        std::optional<ProcessFreeze> freeze;
        if (freezeAt == FreezeAt::Start) {
            freeze.emplace(daemon);
            QVERIFY2(freeze->isFrozen(), qPrintable(freeze->errorString()));
        }
        app.start(QStringLiteral(QTVIRT_STUCK_OPEN_HELPER), arguments);
        QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
        if (freezeAt == FreezeAt::Opened) {
            QTRY_VERIFY_WITH_TIMEOUT(app.canReadLine(), 30000);
            QCOMPARE(app.readLine().trimmed(), QByteArray("opened"));
            freeze.emplace(daemon);
            QVERIFY2(freeze->isFrozen(), qPrintable(freeze->errorString()));
            app.write("frozen\n");
        }
        QTRY_VERIFY_WITH_TIMEOUT(app.canReadLine(), 30000);
        const QByteArray quitLine = app.readLine().trimmed();
        QElapsedTimer sinceQuit;
        sinceQuit.start();
        QCOMPARE(quitLine, quitting);
        // Waiting long past the budget, so that a hang shows as a time
        // rather than as a killed test; the daemon is still frozen.
        app.waitForFinished(static_cast<int>(4 * ExitBudgetMs));
        exitMs = app.state() == QProcess::NotRunning ? sinceQuit.elapsed() : -1;
    }
    const QByteArray lastWords = app.readAll().trimmed();
    qInfo("the application ended %lld ms after quit()", exitMs);
    QVERIFY(restartDaemonIfItCrashedOnThaw(daemon));
    // "exiting" without an end: main() returned, and a destructor after it
    // (QCoreApplication's waits for its global thread pool) hangs.
    QVERIFY2(
        exitMs >= 0,
        qPrintable(QStringLiteral("the application still runs after quit(), having printed '%1'")
                       .arg(QString::fromUtf8(lastWords))));
    QVERIFY2(exitMs <= ExitBudgetMs, qPrintable(QStringLiteral("%1 ms").arg(exitMs)));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
    QCOMPARE(lastWords, QByteArray("exiting"));
}

// An open that succeeded posts its connection to
// the QVirtConnection's thread. Destroyed before that result was delivered,
// the QVirtConnection discarded it with its pending events, and the last
// reference to the new connection was dropped right there: virConnectClose()
// made its round trip to the daemon on the GUI thread, which a frozen daemon
// never answers. The undelivered connection must be closed in the
// background like any other.
void tst_FrozenDaemon::destructorDropsUndeliveredOpenAtOnce()
{
    const auto daemon = static_cast<pid_t>(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    auto conn = std::make_unique<QVirtConnection>();
    conn->setKeepAliveInterval(0);
    QSignalSpy opened(conn.get(), &QVirtConnection::opened);
    conn->open(m_uri);
    // This thread runs no events meanwhile, so the worker's result, posted
    // long before this ends on a live daemon, stays undelivered.
    QThread::sleep(3);
    QCOMPARE(conn->state(), QVirtConnection::State::Opening);

    qint64 destroyMs = -1;
    {
        const ProcessFreeze freeze(daemon);
        QVERIFY2(freeze.isFrozen(), qPrintable(freeze.errorString()));
        // Should the close be made here after all, it waits for the thaw.
        std::thread thaw([daemon] {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            ::kill(daemon, SIGCONT);
        });
        QElapsedTimer timer;
        timer.start();
        conn.reset();
        destroyMs = timer.elapsed();
        thaw.join();
    }
    qInfo("~QVirtConnection took %lld ms with an undelivered open and the daemon frozen",
          destroyMs);
    QVERIFY(restartDaemonIfItCrashedOnThaw(daemon));
    QCOMPARE(opened.size(), 0);
    QVERIFY2(destroyMs <= TeardownBudgetMs, qPrintable(QStringLiteral("%1 ms").arg(destroyMs)));
}

// Registering the libvirt callback behind a signal is a round trip to the
// daemon. QVirtConnection made it in connectNotify(), on the thread that
// called connect(): with the daemon frozen, connecting a slot to a signal
// (or adding the connection to a QVirtDomainModel, or asking for the events
// of one domain) blocked the GUI thread until the thaw, keepalive or not.
// Disconnecting made the deregistration's round trip at the next loop pass.
void tst_FrozenDaemon::registeringReturnsAtOnce_data()
{
    QTest::addColumn<QString>("receiver");
    QTest::newRow("QVirtConnection signal") << QStringLiteral("connection");
    QTest::newRow("QVirtDomainEvents signal") << QStringLiteral("domain");
    QTest::newRow("QVirtDomainModel") << QStringLiteral("model");
}

void tst_FrozenDaemon::registeringReturnsAtOnce()
{
    QFETCH(QString, receiver);
    const auto daemon = static_cast<pid_t>(QtVirtTest::testbedDaemonPid());
    QVERIFY(daemon > 0);
    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("frozenregister"));
    const Connection raw = openTestConnection();
    QVERIFY(raw);
    // Defined before the freeze, so that the events of this one domain
    // can be asked for.
    const Domain defined(virDomainDefineXML(raw.get(), testDomainXml(name).constData()));
    QVERIFY2(defined, virGetLastErrorMessage());

    QVirtConnection conn;
    // Nothing ends the connection while the daemon is frozen; should the
    // daemon crash on the thaw, the registrations come back with it.
    conn.setKeepAliveInterval(0);
    conn.setAutoReconnect(true);
    conn.setReconnectDelays(std::chrono::milliseconds(100), std::chrono::milliseconds(500));
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));

    QList<LifecycleEvent> events;
    const auto record = [&events](const QVirtDomainRef &domain, QVirtEvents::DomainEvent event,
                                  int detail) {
        events.append(LifecycleEvent{domain.name().toUtf8(), static_cast<int>(event), detail});
    };
    QVirtDomainModel model;
    QObject context;
    qint64 registerMs = -1;
    qint64 stallMs = -1;
    {
        const ProcessFreeze freeze(daemon);
        QVERIFY2(freeze.isFrozen(), qPrintable(freeze.errorString()));
        QElapsedTimer timer;
        timer.start();
        if (receiver == QLatin1String("connection")) {
            connect(&conn, &QVirtConnection::domainLifecycle, &context, record);
        } else if (receiver == QLatin1String("domain")) {
            QVirtDomainEvents *one
                = conn.domainEvents(QVirtDomainRef(QString::fromUtf8(name), QUuid()));
            QVERIFY(one);
            connect(one, &QVirtDomainEvents::domainLifecycle, &context, record);
        } else {
            model.addConnection(&conn);
        }
        registerMs = timer.elapsed();
        // Also a slot that goes again, and the deregistration it causes.
        QObject passing;
        connect(&conn, &QVirtConnection::domainRebooted, &passing, [] {});
        stallMs = longestLoopPass(std::chrono::milliseconds(1000));
    }
    qInfo("registering took %lld ms with the daemon frozen, the loop stalled %lld ms after",
          registerMs, stallMs);
    QVERIFY(restartDaemonIfItCrashedOnThaw(daemon));
    QVERIFY2(registerMs <= TeardownBudgetMs, qPrintable(QStringLiteral("%1 ms").arg(registerMs)));
    QVERIFY2(stallMs <= TeardownBudgetMs, qPrintable(QStringLiteral("%1 ms").arg(stallMs)));

    // Thawed: the registrations made meanwhile are in place.
    QTRY_VERIFY_WITH_TIMEOUT(conn.isOpen(), 10000);
    const auto listed = [&model, &name] {
        return !model
                    .match(model.index(0, 0), Qt::DisplayRole, QString::fromUtf8(name), 1,
                           Qt::MatchExactly)
                    .isEmpty();
    };
    if (receiver == QLatin1String("model"))
        QTRY_VERIFY_WITH_TIMEOUT(listed(), 10000);
    // The events that run now reach the receiver (the model: its row goes
    // with the undefine).
    QVERIFY(virDomainCreate(defined.get()) == 0);
    QVERIFY(virDomainDestroy(defined.get()) == 0);
    QVERIFY(virDomainUndefine(defined.get()) == 0);
    if (receiver == QLatin1String("model")) {
        QTRY_VERIFY_WITH_TIMEOUT(!listed(), 10000);
    } else {
        const QList<LifecycleEvent> expected{
            {name, VIR_DOMAIN_EVENT_STARTED, VIR_DOMAIN_EVENT_STARTED_BOOTED},
            {name, VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_DESTROYED},
            {name, VIR_DOMAIN_EVENT_UNDEFINED, VIR_DOMAIN_EVENT_UNDEFINED_REMOVED}};
        QTRY_COMPARE_WITH_TIMEOUT(events, expected, 10000);
    }
}

QTEST_GUILESS_MAIN(tst_FrozenDaemon)
#include "tst_frozendaemon.moc"
