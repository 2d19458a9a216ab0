// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The qt-events example against `virsh event --event lifecycle --loop`, both
// listening to the testbed daemon side by side.

#include "integrationsupport.h"
#include "testsupport.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QScopeGuard>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <csignal>

using namespace QtVirtIntegration;

namespace {

const QString qtEventsPath = QStringLiteral(QTVIRT_QT_EVENTS_PATH);

// Neither virsh nor qt-events says when it is listening, and an event sent
// before that is lost to it. libvirt's client log does: the reply to the
// event registration call (REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY)
// arrives only once the daemon sends this client every later event.
void logRpcTo(QProcess &process, const QString &logPath)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LIBVIRT_LOG_FILTERS"), QStringLiteral("1:rpc.netclient"));
    env.insert(QStringLiteral("LIBVIRT_LOG_OUTPUTS"), QStringLiteral("1:file:") + logPath);
    // virsh's messages are translated; qt-events installs no translator.
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(env);
}

bool listensForEvents(const QString &logPath)
{
    QFile log(logPath);
    if (!log.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = log.readAll();
    return text.contains("RPC_CLIENT_MSG_RX") && text.contains(" proc=316 type=1 status=0 ");
}

// Removes the stamp of `virsh event --timestamp` from the first count lines,
// so that they compare like unstamped ones. Returns the first line that has
// no stamp, or an empty array.
QByteArray stripTimestamps(QList<QByteArray> &lines, qsizetype count)
{
    static const QRegularExpression stamp(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000: "));
    for (qsizetype i = 0; i < qMin(count, lines.size()); ++i) {
        const QRegularExpressionMatch match = stamp.match(QString::fromUtf8(lines.at(i)));
        if (!match.hasMatch())
            return lines.at(i);
        lines[i].remove(0, match.capturedLength());
    }
    return QByteArray();
}

QList<QByteArray> outputLines(const QByteArray &output)
{
    QList<QByteArray> lines = output.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// Ends a child that a failed test leaves running.
void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.kill();
    process.waitForFinished(5000);
}

} // namespace

class tst_QtEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void qtEventsPrintsWhatVirshPrints_data();
    void qtEventsPrintsWhatVirshPrints();
    void qtEventsEndsCleanlyOnSignal_data();
    void qtEventsEndsCleanlyOnSignal();
    void qtEventsExitsAfterTimeout();
    void qtEventsRefusesUnreachableUri();
};

void tst_QtEvents::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY2(QFile::exists(qtEventsPath), qPrintable(qtEventsPath));
}

void tst_QtEvents::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_QtEvents::qtEventsPrintsWhatVirshPrints_data()
{
    QTest::addColumn<bool>("timestamps");
    QTest::newRow("plain") << false;
    QTest::newRow("timestamps") << true;
}

void tst_QtEvents::qtEventsPrintsWhatVirshPrints()
{
    QFETCH(bool, timestamps);
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TEST_URI");
    QVERIFY(!uri.isEmpty());
    const QString virshPath = QStandardPaths::findExecutable(QStringLiteral("virsh"));
    QVERIFY2(!virshPath.isEmpty(), "virsh is not installed (package libvirt-clients)");
    QTemporaryDir logs;
    QVERIFY(logs.isValid());

    QProcess virsh;
    QProcess qtEvents;
    const auto stopBoth = qScopeGuard([&] {
        stop(virsh);
        stop(qtEvents);
    });
    logRpcTo(virsh, logs.filePath(QStringLiteral("virsh.log")));
    logRpcTo(qtEvents, logs.filePath(QStringLiteral("qt-events.log")));
    const QStringList stampOption
        = timestamps ? QStringList{QStringLiteral("--timestamp")} : QStringList();
    virsh.start(virshPath,
                QStringList{QStringLiteral("-c"), QString::fromUtf8(uri), QStringLiteral("event"),
                            QStringLiteral("--event"), QStringLiteral("lifecycle"),
                            QStringLiteral("--loop")}
                    + stampOption);
    qtEvents.start(qtEventsPath,
                   QStringList{QStringLiteral("--count"), QStringLiteral("6"),
                               QStringLiteral("--timeout"), QStringLiteral("20"),
                               QStringLiteral("-c"), QString::fromUtf8(uri)}
                       + stampOption);
    QVERIFY2(virsh.waitForStarted(), qPrintable(virsh.errorString()));
    QVERIFY2(qtEvents.waitForStarted(), qPrintable(qtEvents.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(listensForEvents(logs.filePath(QStringLiteral("virsh.log"))), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(listensForEvents(logs.filePath(QStringLiteral("qt-events.log"))),
                             10000);

    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("qt-events"));
    {
        const Connection conn = openTestConnection();
        QVERIFY(conn);
        const QString failure = runLifecycle(conn.get(), name);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    QVERIFY(qtEvents.waitForFinished(20000));
    QCOMPARE(qtEvents.exitStatus(), QProcess::NormalExit);
    QCOMPARE(qtEvents.exitCode(), 0);
    QCOMPARE(qtEvents.readAllStandardError(), QByteArray());
    QList<QByteArray> qtEventsLines = outputLines(qtEvents.readAllStandardOutput());

    QByteArray virshOutput;
    QTRY_VERIFY_WITH_TIMEOUT((virshOutput += virsh.readAllStandardOutput()).count('\n') >= 6,
                             10000);
    ::kill(static_cast<pid_t>(virsh.processId()), SIGINT);
    QVERIFY(virsh.waitForFinished(10000));
    virshOutput += virsh.readAllStandardOutput();
    QList<QByteArray> virshLines = outputLines(virshOutput);
    if (timestamps) {
        const QByteArray unstampedVirsh = stripTimestamps(virshLines, 6);
        QVERIFY2(unstampedVirsh.isEmpty(), unstampedVirsh.constData());
        const QByteArray unstampedQtEvents = stripTimestamps(qtEventsLines, 6);
        QVERIFY2(unstampedQtEvents.isEmpty(), unstampedQtEvents.constData());
    }

    const QByteArray prefix = "event 'lifecycle' for domain '" + name + "': ";
    const QList<QByteArray> expected = {
        prefix + "Defined Added",    prefix + "Started Booted",    prefix + "Suspended Paused",
        prefix + "Resumed Unpaused", prefix + "Stopped Destroyed", prefix + "Undefined Removed",
    };
    // virsh closes an interrupted loop with two lines of its own, and ends
    // its command with an empty line.
    const QList<QByteArray> virshTrailer = {"event loop interrupted", "events received: 6", ""};
    QCOMPARE(virshLines, expected + virshTrailer);
    QCOMPARE(qtEventsLines, virshLines.mid(0, 6));
}

void tst_QtEvents::qtEventsEndsCleanlyOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << SIGINT;
    QTest::newRow("SIGTERM") << SIGTERM;
}

void tst_QtEvents::qtEventsEndsCleanlyOnSignal()
{
    QFETCH(int, signalNumber);
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TEST_URI");
    QVERIFY(!uri.isEmpty());
    QTemporaryDir logs;
    QVERIFY(logs.isValid());

    QProcess qtEvents;
    const auto stopQtEvents = qScopeGuard([&] { stop(qtEvents); });
    logRpcTo(qtEvents, logs.filePath(QStringLiteral("qt-events.log")));
    qtEvents.start(qtEventsPath, {QStringLiteral("-c"), QString::fromUtf8(uri)});
    QVERIFY2(qtEvents.waitForStarted(), qPrintable(qtEvents.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(listensForEvents(logs.filePath(QStringLiteral("qt-events.log"))),
                             10000);

    ::kill(static_cast<pid_t>(qtEvents.processId()), signalNumber);
    QVERIFY(qtEvents.waitForFinished(5000));
    QCOMPARE(qtEvents.exitStatus(), QProcess::NormalExit);
    QCOMPARE(qtEvents.exitCode(), 0);
    QCOMPARE(qtEvents.readAllStandardError(), QByteArray());
    QCOMPARE(qtEvents.readAllStandardOutput(), QByteArray());
}

void tst_QtEvents::qtEventsExitsAfterTimeout()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TEST_URI");
    QVERIFY(!uri.isEmpty());

    QProcess qtEvents;
    const auto stopQtEvents = qScopeGuard([&] { stop(qtEvents); });
    QElapsedTimer elapsed;
    elapsed.start();
    qtEvents.start(qtEventsPath,
                   {QStringLiteral("--timeout"), QStringLiteral("1"), QStringLiteral("-c"),
                    QString::fromUtf8(uri)});
    QVERIFY(qtEvents.waitForFinished(10000));
    QVERIFY2(elapsed.elapsed() >= 1000, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(qtEvents.exitStatus(), QProcess::NormalExit);
    QCOMPARE(qtEvents.exitCode(), 0);
    QCOMPARE(qtEvents.readAllStandardError(), QByteArray());
}

void tst_QtEvents::qtEventsRefusesUnreachableUri()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString uri = QStringLiteral("test+unix:///default?socket=")
        + dir.filePath(QStringLiteral("no-daemon-here"));

    QProcess qtEvents;
    const auto stopQtEvents = qScopeGuard([&] { stop(qtEvents); });
    qtEvents.start(qtEventsPath, {QStringLiteral("--connect"), uri});
    QVERIFY(qtEvents.waitForFinished(10000));
    QCOMPARE(qtEvents.exitStatus(), QProcess::NormalExit);
    QVERIFY(qtEvents.exitCode() != 0);
    QCOMPARE(qtEvents.readAllStandardOutput(), QByteArray());
    const QString error = QString::fromLocal8Bit(qtEvents.readAllStandardError());
    QVERIFY2(error.startsWith(QStringLiteral("qt-events: cannot connect to ") + uri
                              + QStringLiteral(": ")),
             qPrintable(error));
    // One line, not libvirt's own report on top of ours.
    QCOMPARE(error.count(QLatin1Char('\n')), 1);
}

QTEST_GUILESS_MAIN(tst_QtEvents)
#include "tst_qtevents.moc"
