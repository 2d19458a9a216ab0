// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The qt-events example against virsh's event commands, all listening to
// the testbed daemon side by side, for every event the test driver can
// produce (and secrets, which only the daemon's own secret driver has).

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
#include <memory>
#include <vector>

using namespace QtVirtIntegration;

namespace {

const QString qtEventsPath = QStringLiteral(QTVIRT_QT_EVENTS_PATH);

// Remote procedures that register event callbacks
// (docs/libvirt-calls.md, "Remote procedure numbers the tests watch"):
// their replies tell that a client listens.
constexpr int ProcNetworkRegister = 313;
constexpr int ProcDomainRegister = 316;
constexpr int ProcPoolRegister = 368;
constexpr int ProcNodeDeviceRegister = 374;
constexpr int ProcSecretRegister = 380;
constexpr int DomainEventIds = 27;

// One event command under test, with libvirt's RPC log: neither virsh nor
// qt-events says when it is listening, and an event sent before that is
// lost to it. The replies to its registrations arrive only once the daemon
// sends this client every later event.
struct Listener
{
    QString name;
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString logPath;
    int proc = 0;
    int replies = 0;         // how many replies of proc mean "listening"
    bool anyStatus = false;  // count refused registrations too
    QRegularExpression owns; // the qt-events lines this command prints too
    QByteArray output;

    // How many lines it printed so far.
    qsizetype lines()
    {
        output += process->readAllStandardOutput();
        return output.count('\n');
    }

    int seenReplies() const
    {
        QFile log(logPath);
        if (!log.open(QIODevice::ReadOnly))
            return 0;
        const QByteArray pattern = " proc=" + QByteArray::number(proc)
            + " type=1 status=" + (anyStatus ? QByteArray() : QByteArrayLiteral("0 "));
        int count = 0;
        const QList<QByteArray> lines = log.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.contains("RPC_CLIENT_MSG_RX") && line.contains(pattern))
                ++count;
        }
        return count;
    }

    void start(const QString &program, const QStringList &arguments, const QString &logDir)
    {
        logPath = logDir + QLatin1Char('/') + name + QStringLiteral(".log");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LIBVIRT_LOG_FILTERS"), QStringLiteral("1:rpc.netclient"));
        env.insert(QStringLiteral("LIBVIRT_LOG_OUTPUTS"), QStringLiteral("1:file:") + logPath);
        // virsh's messages are translated; its event lines must be the C ones.
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        process->setProcessEnvironment(env);
        process->start(program, arguments);
    }

    ~Listener()
    {
        if (process && process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
};

QList<QByteArray> outputLines(const QByteArray &output)
{
    QList<QByteArray> lines = output.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// Interrupts a listener and returns its event lines, without virsh's
// closing report ("event loop interrupted", "events received: N", "").
QList<QByteArray> interrupt(Listener &listener)
{
    ::kill(static_cast<pid_t>(listener.process->processId()), SIGINT);
    listener.process->waitForFinished(10000);
    QList<QByteArray> lines
        = outputLines(listener.output + listener.process->readAllStandardOutput());
    while (!lines.isEmpty()
           && (lines.last().isEmpty() || lines.last() == "event loop interrupted"
               || lines.last().startsWith("events received: ")))
        lines.removeLast();
    return lines;
}

// Removes the stamp of `--timestamp` from every line. Returns the first
// line without one, or an empty array.
QByteArray stripTimestamps(QList<QByteArray> &lines)
{
    static const QRegularExpression stamp(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000: "));
    for (QByteArray &line : lines) {
        const QRegularExpressionMatch match = stamp.match(QString::fromUtf8(line));
        if (!match.hasMatch())
            return line;
        line.remove(0, match.capturedLength());
    }
    return QByteArray();
}

bool fail(const QString &what)
{
    qWarning("%s: %s", qPrintable(what), qPrintable(lastError()));
    return false;
}

// Every domain, network, storage pool and node device event the test
// driver produces (libvirt 9.0's src/test/test_driver.c), in one run.
bool produceTestDriverEvents(virConnectPtr conn, const QByteArray &base, const QString &dir)
{
    const QByteArray name = base + "-dom";
    const QByteArray renamed = base + "-renamed";
    const QByteArray xml = "<domain type='test'><name>" + name
        + "</name><uuid>4dea22b3-1d52-d8f3-2516-782e98a23fa0</uuid><memory>8192</memory>"
          "<os><type>hvm</type></os></domain>";
    virDomainPtr dom = virDomainDefineXML(conn, xml.constData());
    if (!dom)
        return fail(QStringLiteral("define"));
    const Domain first(dom);
    const Domain again(virDomainDefineXML(conn, xml.constData())); // Defined Updated
    if (!again || virDomainRename(dom, renamed.constData(), 0) < 0)
        return fail(QStringLiteral("redefine/rename"));
    const QByteArray saved = (dir + QStringLiteral("/saved")).toUtf8();
    if (virDomainCreate(dom) < 0 || virDomainSuspend(dom) < 0 || virDomainResume(dom) < 0
        || virDomainSave(dom, saved.constData()) < 0
        || virDomainRestore(conn, saved.constData()) < 0)
        return fail(QStringLiteral("start/suspend/resume/save/restore"));
    if (virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_DESCRIPTION, "about", nullptr, nullptr,
                             VIR_DOMAIN_AFFECT_LIVE)
            < 0
        || virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_TITLE, "title", nullptr, nullptr,
                                VIR_DOMAIN_AFFECT_LIVE)
            < 0
        || virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, "<x/>", "qtvirt",
                                "https://example.org/qtvirt", VIR_DOMAIN_AFFECT_LIVE)
            < 0)
        return fail(QStringLiteral("metadata"));
    virDomainSnapshotPtr snapshot
        = virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>s1</name></domainsnapshot>", 0);
    if (!snapshot || virDomainRevertToSnapshot(snapshot, 0) < 0)
        return fail(QStringLiteral("snapshot"));
    const bool snapshotDeleted = virDomainSnapshotDelete(snapshot, 0) == 0;
    virDomainSnapshotFree(snapshot);
    if (!snapshotDeleted || virDomainShutdown(dom) < 0 || virDomainCreate(dom) < 0
        || virDomainManagedSave(dom, 0) < 0 || virDomainCreate(dom) < 0 || virDomainDestroy(dom) < 0
        || virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_MANAGED_SAVE) < 0)
        return fail(QStringLiteral("shutdown/managed save/destroy/undefine"));
    const QByteArray transientXml = "<domain type='test'><name>" + base
        + "-transient</name><memory>8192</memory><os><type>hvm</type></os></domain>";
    const Domain transient(virDomainCreateXML(conn, transientXml.constData(), 0));
    if (!transient || virDomainDestroy(transient.get()) < 0)
        return fail(QStringLiteral("transient domain"));

    const QByteArray networkXml = "<network><name>" + base + "-net</name></network>";
    virNetworkPtr net = virNetworkDefineXML(conn, networkXml.constData());
    const bool networkDone = net && virNetworkCreate(net) == 0 && virNetworkDestroy(net) == 0
        && virNetworkUndefine(net) == 0;
    if (net)
        virNetworkFree(net);
    virNetworkPtr transientNet = virNetworkCreateXML(conn, networkXml.constData());
    const bool transientNetworkDone = transientNet && virNetworkDestroy(transientNet) == 0;
    if (transientNet)
        virNetworkFree(transientNet);
    if (!networkDone || !transientNetworkDone)
        return fail(QStringLiteral("network"));

    const QByteArray poolXml = "<pool type='dir'><name>" + base + "-pool</name><target><path>"
        + (dir + QStringLiteral("/pool")).toUtf8() + "</path></target></pool>";
    virStoragePoolPtr pool = virStoragePoolDefineXML(conn, poolXml.constData(), 0);
    const bool poolDone = pool && virStoragePoolBuild(pool, 0) == 0
        && virStoragePoolCreate(pool, 0) == 0 && virStoragePoolRefresh(pool, 0) == 0
        && virStoragePoolDestroy(pool) == 0 && virStoragePoolDelete(pool, 0) == 0
        && virStoragePoolUndefine(pool) == 0;
    if (pool)
        virStoragePoolFree(pool);
    virStoragePoolPtr transientPool = virStoragePoolCreateXML(conn, poolXml.constData(), 0);
    const bool transientPoolDone = transientPool && virStoragePoolDestroy(transientPool) == 0;
    if (transientPool)
        virStoragePoolFree(transientPool);
    if (!poolDone || !transientPoolDone)
        return fail(QStringLiteral("storage pool"));

    // A vHBA on the test driver's fibre channel host.
    virNodeDevicePtr device = virNodeDeviceCreateXML(
        conn,
        "<device><parent>scsi_host1</parent><capability type='scsi_host'>"
        "<capability type='fc_host'><wwnn>2000000012345678</wwnn><wwpn>1000000012345678</wwpn>"
        "</capability></capability></device>",
        0);
    const bool deviceDone = device && virNodeDeviceDestroy(device) == 0;
    if (device)
        virNodeDeviceFree(device);
    if (!deviceDone)
        return fail(QStringLiteral("node device"));
    return true;
}

} // namespace

class tst_QtEventsVirsh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void everyTestDriverEventPrintsWhatVirshPrints_data();
    void everyTestDriverEventPrintsWhatVirshPrints();
    void secretEventsPrintWhatVirshPrints();
    void withoutLoopExitsAfterOneEvent();
    void endsCleanlyOnSignal_data();
    void endsCleanlyOnSignal();
    void exitsAfterTimeout();
    void refusesUnreachableUri();
    void oneDomainPrintsWhatVirshPrints_data();
    void oneDomainPrintsWhatVirshPrints();
    void unknownDomainFails();

private:
    QString m_virsh;
};

void tst_QtEventsVirsh::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY2(QFile::exists(qtEventsPath), qPrintable(qtEventsPath));
    m_virsh = QStandardPaths::findExecutable(QStringLiteral("virsh"));
    QVERIFY2(!m_virsh.isEmpty(), "virsh is not installed (package libvirt-clients)");
}

void tst_QtEventsVirsh::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_QtEventsVirsh::everyTestDriverEventPrintsWhatVirshPrints_data()
{
    QTest::addColumn<bool>("timestamps");
    QTest::newRow("plain") << false;
    QTest::newRow("timestamps") << true;
}

void tst_QtEventsVirsh::everyTestDriverEventPrintsWhatVirshPrints()
{
    QFETCH(bool, timestamps);
    const QString uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    QVERIFY(!uri.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList stamp
        = timestamps ? QStringList{QStringLiteral("--timestamp")} : QStringList();
    const QStringList loop = {QStringLiteral("--loop")};

    std::vector<Listener> virsh(5);
    const auto setUp = [&](Listener &l, const char *name, int proc, int replies,
                           const QStringList &command, const char *owns) {
        l.name = QLatin1String(name);
        l.proc = proc;
        l.replies = replies;
        l.owns = QRegularExpression(QLatin1String(owns));
        l.start(m_virsh, QStringList{QStringLiteral("-c"), uri} + command + loop + stamp,
                dir.path());
    };
    setUp(virsh[0], "domain", ProcDomainRegister, DomainEventIds,
          {QStringLiteral("event"), QStringLiteral("--all")}, "^event '[a-z0-9-]+' for domain ");
    setUp(virsh[1], "network", ProcNetworkRegister, 1,
          {QStringLiteral("net-event"), QStringLiteral("--event"), QStringLiteral("lifecycle")},
          "^event 'lifecycle' for network ");
    setUp(virsh[2], "pool", ProcPoolRegister, 1,
          {QStringLiteral("pool-event"), QStringLiteral("--event"), QStringLiteral("lifecycle")},
          "^event 'lifecycle' for storage pool ");
    setUp(virsh[3], "pool-refresh", ProcPoolRegister, 1,
          {QStringLiteral("pool-event"), QStringLiteral("--event"), QStringLiteral("refresh")},
          "^event 'refresh' for storage pool ");
    setUp(virsh[4], "nodedev", ProcNodeDeviceRegister, 1,
          {QStringLiteral("nodedev-event"), QStringLiteral("--event"), QStringLiteral("lifecycle")},
          "^event 'lifecycle' for node device ");
    Listener qtEvents;
    qtEvents.name = QStringLiteral("qt-events");
    // Registered last, in order: the test driver refuses both, but answers.
    qtEvents.proc = ProcSecretRegister;
    qtEvents.replies = 2;
    qtEvents.anyStatus = true;
    qtEvents.start(qtEventsPath,
                   QStringList{QStringLiteral("-c"), uri, QStringLiteral("--all")} + loop + stamp,
                   dir.path());

    for (const Listener &l : virsh)
        QTRY_VERIFY2_WITH_TIMEOUT(l.seenReplies() >= l.replies, qPrintable(l.name), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(qtEvents.seenReplies() >= qtEvents.replies, 10000);

    DomainJanitor janitor;
    const QByteArray base = uniqueDomainName("virsh");
    janitor.track(base + "-dom");
    janitor.track(base + "-renamed");
    {
        const Connection conn = openTestConnection();
        QVERIFY(conn);
        QVERIFY(produceTestDriverEvents(conn.get(), base, dir.path()));
    }

    // What the test driver must have produced, by virsh's count.
    // Domain 22, network 6, pool lifecycle 8, pool refresh 1, node device 2.
    constexpr int Expected = 22 + 6 + 8 + 1 + 2;
    QByteArray qtOutput;
    // A shortfall shows in the comparisons below, line by line.
    const bool complete = QTest::qWaitFor(
        [&] {
            return (qtOutput += qtEvents.process->readAllStandardOutput()).count('\n') >= Expected;
        },
        20000);
    if (!complete)
        qInfo("qt-events printed %lld lines of %d", qtOutput.count('\n'), Expected);
    const bool virshComplete = QTest::qWaitFor(
        [&] {
            qsizetype printed = 0;
            for (Listener &l : virsh)
                printed += l.lines();
            return printed >= Expected;
        },
        20000);
    if (!virshComplete)
        qInfo("virsh printed fewer than %d lines", Expected);
    QTest::qWait(300); // nothing more should come
    std::vector<QList<QByteArray>> perCommand;
    for (Listener &l : virsh) {
        perCommand.push_back(interrupt(l));
        QVERIFY2(l.process->exitCode() == 0, qPrintable(l.name));
    }
    ::kill(static_cast<pid_t>(qtEvents.process->processId()), SIGINT);
    QVERIFY(qtEvents.process->waitForFinished(10000));
    QCOMPARE(qtEvents.process->exitCode(), 0);
    QCOMPARE(qtEvents.process->readAllStandardError(), QByteArray());
    qtOutput += qtEvents.process->readAllStandardOutput();
    QList<QByteArray> qtLines = outputLines(qtOutput);

    if (timestamps) {
        const QByteArray unstamped = stripTimestamps(qtLines);
        QVERIFY2(unstamped.isEmpty(), unstamped.constData());
        for (QList<QByteArray> &lines : perCommand) {
            const QByteArray virshUnstamped = stripTimestamps(lines);
            QVERIFY2(virshUnstamped.isEmpty(), virshUnstamped.constData());
        }
    }

    int total = 0;
    for (std::size_t i = 0; i < virsh.size(); ++i) {
        QList<QByteArray> mine;
        for (const QByteArray &line : std::as_const(qtLines)) {
            if (virsh[i].owns.match(QString::fromUtf8(line)).hasMatch())
                mine.append(line);
        }
        QVERIFY2(!perCommand[i].isEmpty(), qPrintable(virsh[i].name));
        QCOMPARE(mine, perCommand[i]);
        total += static_cast<int>(mine.size());
    }
    // Nothing printed that no virsh command printed.
    QCOMPARE(total, static_cast<int>(qtLines.size()));
    QCOMPARE(total, Expected);

    // Spot checks that the run covered what it claims to.
    const QByteArray domainLines = perCommand[0].join('\n');
    for (const char *needle :
         {": Defined Updated", ": Undefined Renamed", ": Defined Renamed", ": Started Restored",
          ": Stopped Saved", ": Stopped Snapshot", ": Started Snapshot", ": Stopped Shutdown",
          "type description, uri <null>", "type element, uri https://example.org/qtvirt"}) {
        QVERIFY2(domainLines.contains(needle), needle);
    }
}

void tst_QtEventsVirsh::secretEventsPrintWhatVirshPrints()
{
    const QString uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_QEMU_URI"));
    QVERIFY(!uri.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<Listener> virsh(2);
    virsh[0].name = QStringLiteral("secret");
    virsh[0].owns = QRegularExpression(QStringLiteral("^event 'lifecycle' for secret "));
    virsh[0].start(m_virsh,
                   {QStringLiteral("-c"), uri, QStringLiteral("secret-event"),
                    QStringLiteral("--event"), QStringLiteral("lifecycle"),
                    QStringLiteral("--loop")},
                   dir.path());
    virsh[1].name = QStringLiteral("secret-value");
    virsh[1].owns = QRegularExpression(QStringLiteral("^event 'value-changed' for secret "));
    virsh[1].start(m_virsh,
                   {QStringLiteral("-c"), uri, QStringLiteral("secret-event"),
                    QStringLiteral("--event"), QStringLiteral("value-changed"),
                    QStringLiteral("--loop")},
                   dir.path());
    for (Listener &l : virsh) {
        l.proc = ProcSecretRegister;
        l.replies = 1;
    }
    Listener qtEvents;
    qtEvents.name = QStringLiteral("qt-events");
    qtEvents.proc = ProcSecretRegister;
    qtEvents.replies = 2;
    qtEvents.start(qtEventsPath,
                   {QStringLiteral("-c"), uri, QStringLiteral("--loop"), QStringLiteral("--event"),
                    QStringLiteral("secret-lifecycle"), QStringLiteral("--event"),
                    QStringLiteral("secret-value-changed")},
                   dir.path());
    for (const Listener &l : virsh)
        QTRY_VERIFY2_WITH_TIMEOUT(l.seenReplies() >= l.replies, qPrintable(l.name), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(qtEvents.seenReplies() >= qtEvents.replies, 10000);

    {
        Connection conn(virConnectOpen(uri.toUtf8().constData()));
        QVERIFY2(conn, qPrintable(lastError()));
        const QByteArray usage = uniqueDomainName("secret");
        const QByteArray xml = "<secret ephemeral='no' private='yes'><usage type='ceph'><name>"
            + usage + "</name></usage></secret>";
        virSecretPtr secret = virSecretDefineXML(conn.get(), xml.constData(), 0);
        QVERIFY2(secret, qPrintable(lastError()));
        const unsigned char value[] = "qtvirt";
        const bool done = virSecretSetValue(secret, value, sizeof value - 1, 0) == 0
            && virSecretUndefine(secret) == 0;
        virSecretFree(secret);
        QVERIFY2(done, qPrintable(lastError()));
    }

    QByteArray qtOutput;
    QTRY_VERIFY_WITH_TIMEOUT(
        (qtOutput += qtEvents.process->readAllStandardOutput()).count('\n') >= 3, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(virsh[0].lines() >= 2 && virsh[1].lines() >= 1, 10000);
    std::vector<QList<QByteArray>> perCommand;
    for (Listener &l : virsh)
        perCommand.push_back(interrupt(l));
    ::kill(static_cast<pid_t>(qtEvents.process->processId()), SIGINT);
    QVERIFY(qtEvents.process->waitForFinished(10000));
    QCOMPARE(qtEvents.process->readAllStandardError(), QByteArray());
    qtOutput += qtEvents.process->readAllStandardOutput();
    const QList<QByteArray> qtLines = outputLines(qtOutput);
    QCOMPARE(qtLines.size(), 3);
    for (std::size_t i = 0; i < virsh.size(); ++i) {
        QList<QByteArray> mine;
        for (const QByteArray &line : qtLines) {
            if (virsh[i].owns.match(QString::fromUtf8(line)).hasMatch())
                mine.append(line);
        }
        QCOMPARE(mine, perCommand[i]);
    }
    QCOMPARE(perCommand[0].size() + perCommand[1].size(), 3);
}

void tst_QtEventsVirsh::withoutLoopExitsAfterOneEvent()
{
    const QString uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    QVERIFY(!uri.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Listener qtEvents;
    qtEvents.name = QStringLiteral("qt-events");
    qtEvents.proc = ProcDomainRegister;
    qtEvents.replies = 1;
    qtEvents.start(qtEventsPath, {QStringLiteral("-c"), uri}, dir.path());
    QTRY_VERIFY_WITH_TIMEOUT(qtEvents.seenReplies() >= 1, 10000);

    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("once"));
    {
        const Connection conn = openTestConnection();
        QVERIFY(conn);
        const QString failure = runLifecycle(conn.get(), name);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    QVERIFY(qtEvents.process->waitForFinished(10000));
    QCOMPARE(qtEvents.process->exitCode(), 0);
    QCOMPARE(qtEvents.process->readAllStandardOutput(),
             "event 'lifecycle' for domain '" + name + "': Defined Added\n");
}

void tst_QtEventsVirsh::endsCleanlyOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << SIGINT;
    QTest::newRow("SIGTERM") << SIGTERM;
}

void tst_QtEventsVirsh::endsCleanlyOnSignal()
{
    QFETCH(int, signalNumber);
    const QString uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    QVERIFY(!uri.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Listener qtEvents;
    qtEvents.name = QStringLiteral("qt-events");
    qtEvents.proc = ProcSecretRegister;
    qtEvents.replies = 2;
    qtEvents.anyStatus = true;
    qtEvents.start(qtEventsPath,
                   {QStringLiteral("-c"), uri, QStringLiteral("--all"), QStringLiteral("--loop")},
                   dir.path());
    QTRY_VERIFY_WITH_TIMEOUT(qtEvents.seenReplies() >= qtEvents.replies, 10000);

    ::kill(static_cast<pid_t>(qtEvents.process->processId()), signalNumber);
    QVERIFY(qtEvents.process->waitForFinished(5000));
    QCOMPARE(qtEvents.process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(qtEvents.process->exitCode(), 0);
    QCOMPARE(qtEvents.process->readAllStandardError(), QByteArray());
    QCOMPARE(qtEvents.process->readAllStandardOutput(), QByteArray());
}

void tst_QtEventsVirsh::exitsAfterTimeout()
{
    const QString uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    QVERIFY(!uri.isEmpty());
    QProcess qtEvents;
    const auto stop = qScopeGuard([&] {
        qtEvents.kill();
        qtEvents.waitForFinished(5000);
    });
    QElapsedTimer elapsed;
    elapsed.start();
    qtEvents.start(qtEventsPath,
                   {QStringLiteral("--timeout"), QStringLiteral("1"), QStringLiteral("--loop"),
                    QStringLiteral("-c"), uri});
    QVERIFY(qtEvents.waitForFinished(10000));
    QVERIFY2(elapsed.elapsed() >= 1000, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(qtEvents.exitStatus(), QProcess::NormalExit);
    QCOMPARE(qtEvents.exitCode(), 0);
    QCOMPARE(qtEvents.readAllStandardError(), QByteArray());
}

void tst_QtEventsVirsh::refusesUnreachableUri()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString uri = QStringLiteral("test+unix:///default?socket=")
        + dir.filePath(QStringLiteral("no-daemon-here"));
    QProcess qtEvents;
    const auto stop = qScopeGuard([&] {
        qtEvents.kill();
        qtEvents.waitForFinished(5000);
    });
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

void tst_QtEventsVirsh::oneDomainPrintsWhatVirshPrints_data()
{
    QTest::addColumn<bool>("byUuid");
    QTest::newRow("name") << false;
    QTest::newRow("uuid") << true;
}

// qt-events had no --domain; `virsh event --domain A
// --all --loop` prints the events of A only. Both listen side by side while
// A and another domain B go through their lifecycles; qt-events must print
// exactly virsh's lines, none of B's.
void tst_QtEventsVirsh::oneDomainPrintsWhatVirshPrints()
{
    QFETCH(bool, byUuid);
    const QString uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    QVERIFY(!uri.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Connection conn = openTestConnection(); // keeps the test driver's domains alive
    QVERIFY(conn);
    DomainJanitor janitor;
    const QByteArray a = janitor.track(uniqueDomainName("one-a"));
    const QByteArray b = janitor.track(uniqueDomainName("one-b"));
    const Domain domA(virDomainDefineXML(conn.get(), testDomainXml(a).constData()));
    const Domain domB(virDomainDefineXML(conn.get(), testDomainXml(b).constData()));
    QVERIFY2(domA && domB, qPrintable(lastError()));
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    QCOMPARE(virDomainGetUUIDString(domA.get(), uuid), 0);
    const QString which = byUuid ? QString::fromLatin1(uuid) : QString::fromUtf8(a);

    const QStringList connect = {QStringLiteral("-c"), uri};
    const QStringList arguments
        = {QStringLiteral("--domain"), which, QStringLiteral("--all"), QStringLiteral("--loop")};
    Listener virsh;
    virsh.name = QStringLiteral("virsh");
    virsh.proc = ProcDomainRegister;
    virsh.replies = DomainEventIds;
    virsh.start(m_virsh, connect + QStringList{QStringLiteral("event")} + arguments, dir.path());
    Listener qtEvents;
    qtEvents.name = QStringLiteral("qt-events");
    qtEvents.proc = ProcDomainRegister;
    qtEvents.replies = DomainEventIds;
    qtEvents.start(qtEventsPath, connect + arguments, dir.path());
    QTRY_VERIFY_WITH_TIMEOUT(virsh.seenReplies() >= virsh.replies, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(qtEvents.seenReplies() >= qtEvents.replies, 10000);

    const auto cycle = [](virDomainPtr dom) {
        return virDomainCreate(dom) == 0 && virDomainSuspend(dom) == 0 && virDomainResume(dom) == 0
            && virDomainDestroy(dom) == 0;
    };
    QVERIFY2(cycle(domB.get()) && cycle(domA.get()) && cycle(domB.get())
                 && virDomainSetMetadata(domA.get(), VIR_DOMAIN_METADATA_TITLE, "title", nullptr,
                                         nullptr, VIR_DOMAIN_AFFECT_CONFIG)
                     == 0
                 && virDomainUndefine(domB.get()) == 0 && virDomainUndefine(domA.get()) == 0,
             qPrintable(lastError()));
    // A: started, suspended, resumed, stopped, metadata, undefined.
    constexpr int Expected = 6;
    QTRY_VERIFY_WITH_TIMEOUT(virsh.lines() >= Expected, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(qtEvents.lines() >= Expected, 10000);
    QTest::qWait(300); // nothing more should come
    const QList<QByteArray> expected = interrupt(virsh);
    QCOMPARE(virsh.process->exitCode(), 0);
    const QList<QByteArray> printed = interrupt(qtEvents);
    QCOMPARE(qtEvents.process->exitCode(), 0);
    QCOMPARE(qtEvents.process->readAllStandardError(), QByteArray());
    QCOMPARE(printed, expected);
    QCOMPARE(printed.size(), Expected);
    for (const QByteArray &line : printed)
        QVERIFY2(line.contains(QByteArray("for domain '" + a + "'")), line.constData());
}

// virsh refuses a domain it cannot find; qt-events says so and fails too.
void tst_QtEventsVirsh::unknownDomainFails()
{
    const QString uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    const QString absent = QString::fromUtf8(uniqueDomainName("absent"));
    QProcess qtEvents;
    const auto stop = qScopeGuard([&] {
        qtEvents.kill();
        qtEvents.waitForFinished(5000);
    });
    qtEvents.start(qtEventsPath,
                   {QStringLiteral("-c"), uri, QStringLiteral("--domain"), absent,
                    QStringLiteral("--all"), QStringLiteral("--loop")});
    QVERIFY(qtEvents.waitForFinished(10000));
    QCOMPARE(qtEvents.exitStatus(), QProcess::NormalExit);
    QCOMPARE(qtEvents.exitCode(), 1);
    QCOMPARE(qtEvents.readAllStandardOutput(), QByteArray());
    const QString error = QString::fromLocal8Bit(qtEvents.readAllStandardError());
    QVERIFY2(error.startsWith(QStringLiteral("qt-events: no events of domain ") + absent
                              + QStringLiteral(": Domain not found")),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_QtEventsVirsh)
#include "tst_qteventsvirsh.moc"
