// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection's event signals against the testbed's test driver.

#include "connectiontestsupport.h"
#include "integrationsupport.h"
#include "registrationprobe.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QHash>
#include <QtCore/QScopeGuard>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <atomic>
#include <thread>

using namespace QtVirtIntegration;
using namespace QtVirtConnectionTest;
using QVirtEvents::DomainEvent;

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

void rebootProbe(virConnectPtr, virDomainPtr, void *) { }

// A callback of our own on the connection's handle: libvirt numbers the
// callbacks of a connection in order, so the gap between two probes counts
// the registrations QVirtConnection made in between.
int registerProbe(virConnectPtr conn)
{
    return virConnectDomainEventRegisterAny(conn, nullptr, VIR_DOMAIN_EVENT_ID_REBOOT,
                                            VIR_DOMAIN_EVENT_CALLBACK(rebootProbe), nullptr,
                                            nullptr);
}

// The reboot probe as an EventProbe, for answeredWhileDaemonStopped().
QList<EventProbe> rebootProbeOnly()
{
    const QList<EventProbe> probes = allEventProbes();
    for (const EventProbe &probe : probes) {
        if (probe.signal == QMetaMethod::fromSignal(&QVirtConnection::domainRebooted))
            return {probe};
    }
    return {};
}

pid_t testbedDaemon()
{
    return static_cast<pid_t>(QtVirtTest::testbedDaemonPid());
}

// Counts the emissions of every signal connected to hit(), by signal.
class EmissionCounter : public QObject
{
    Q_OBJECT

public:
    static QMetaMethod hitSlot()
    {
        return staticMetaObject.method(staticMetaObject.indexOfSlot("hit()"));
    }
    int count(const QMetaMethod &signal) const { return m_counts.value(signal.methodIndex()); }

public Q_SLOTS:
    void hit() { ++m_counts[senderSignalIndex()]; }

private:
    QHash<int, int> m_counts;
};

template<typename T> T await(QFuture<T> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return future.result();
}

void await(QFuture<void> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    future.waitForFinished(); // rethrows a QVirtError
}

} // namespace

class tst_ConnectionEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void lifecycleSignalsArriveInOrder();
    void networkAndPoolSignalsArrive();
    void connectingSlotRegistersAndDisconnectingDeregisters();
    void closeDeregistersEveryCallback();
    void everyRegistrationReachesTheDaemonAndLeavesIt();
    void twoThousandDefineUndefinePairsNoneLostNoneDuplicated();

private:
    QByteArray m_uri;
};

void tst_ConnectionEvents::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_uri = QtVirtTest::testbedValue("QTVIRT_TEST_URI");
    QVERIFY(!m_uri.isEmpty());
}

void tst_ConnectionEvents::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_ConnectionEvents::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_ConnectionEvents::lifecycleSignalsArriveInOrder()
{
    QVirtConnection conn;
    LifecycleSignalRecorder recorder(&conn);
    QSignalSpy opened(&conn, &QVirtConnection::opened);
    conn.open(QString::fromUtf8(m_uri));
    QCOMPARE(conn.state(), QVirtConnection::State::Opening);
    QVERIFY(opened.wait(10000));
    QVERIFY(conn.isOpen());
    QCOMPARE(conn.hypervisorType(), QStringLiteral("TEST"));

    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("lifecycle"));
    // Through the QFuture operations: each finishes in this thread.
    const QVirtDomainRef domain = await(conn.defineDomain(QString::fromUtf8(testDomainXml(name))));
    QCOMPARE(domain.name(), QString::fromUtf8(name));
    QVERIFY(!domain.uuid().isNull());
    bool continuationInMainThread = false;
    await(conn.startDomain(domain).then(
        [&] { continuationInMainThread = QThread::currentThread() == thread(); }));
    QVERIFY(continuationInMainThread);
    await(conn.suspendDomain(domain));
    await(conn.resumeDomain(domain));
    await(conn.destroyDomain(domain));
    await(conn.undefineDomain(domain));

    QTRY_COMPARE(recorder.events(), lifecycleEvents(name));

    // A failure is libvirt's error in the future.
    bool failed = false;
    try {
        await(conn.startDomain(domain));
    } catch (const QVirtError &error) {
        failed = true;
        QCOMPARE(error.code(), static_cast<int>(VIR_ERR_NO_DOMAIN));
        QVERIFY(!error.message().isEmpty());
    }
    QVERIFY(failed);
}

void tst_ConnectionEvents::networkAndPoolSignalsArrive()
{
    QVirtConnection conn;
    QList<QPair<QString, QVirtEvents::NetworkEvent>> networkEvents;
    QList<QPair<QString, int>> poolEvents; // -1: refreshed
    connect(&conn, &QVirtConnection::networkLifecycle, this,
            [&](const QString &name, const QUuid &uuid, QVirtEvents::NetworkEvent event) {
                QVERIFY(!uuid.isNull());
                networkEvents.append({name, event});
            });
    connect(&conn, &QVirtConnection::storagePoolLifecycle, this,
            [&](const QString &name, const QUuid &, QVirtEvents::StoragePoolEvent event) {
                poolEvents.append({name, static_cast<int>(event)});
            });
    connect(&conn, &QVirtConnection::storagePoolRefreshed, this,
            [&](const QString &name, const QUuid &) {
                poolEvents.append({name, -1});
            });
    QVERIFY2(conn.openBlocking(QString::fromUtf8(m_uri)), qPrintable(conn.errorString()));

    const Connection raw = openTestConnection();
    QVERIFY(raw);
    const QByteArray network = uniqueDomainName("net");
    const QByteArray networkXml = "<network><name>" + network + "</name></network>";
    virNetworkPtr net = virNetworkDefineXML(raw.get(), networkXml.constData());
    QVERIFY2(net, qPrintable(lastError()));
    QCOMPARE(virNetworkCreate(net), 0);
    QCOMPARE(virNetworkDestroy(net), 0);
    QCOMPARE(virNetworkUndefine(net), 0);
    virNetworkFree(net);

    QTemporaryDir target;
    QVERIFY(target.isValid());
    const QByteArray pool = uniqueDomainName("pool");
    const QByteArray poolXml = "<pool type='dir'><name>" + pool + "</name><target><path>"
        + target.path().toUtf8() + "</path></target></pool>";
    virStoragePoolPtr p = virStoragePoolDefineXML(raw.get(), poolXml.constData(), 0);
    QVERIFY2(p, qPrintable(lastError()));
    QCOMPARE(virStoragePoolCreate(p, 0), 0);
    QCOMPARE(virStoragePoolRefresh(p, 0), 0);
    QCOMPARE(virStoragePoolDestroy(p), 0);
    QCOMPARE(virStoragePoolUndefine(p), 0);
    virStoragePoolFree(p);

    using N = QVirtEvents::NetworkEvent;
    const QString n = QString::fromUtf8(network);
    const QList<QPair<QString, N>> expectedNetwork
        = {{n, N::Defined}, {n, N::Started}, {n, N::Stopped}, {n, N::Undefined}};
    QTRY_COMPARE(networkEvents, expectedNetwork);
    using P = QVirtEvents::StoragePoolEvent;
    const QString s = QString::fromUtf8(pool);
    const QList<QPair<QString, int>> expectedPool = {{s, int(P::Defined)},
                                                     {s, int(P::Started)},
                                                     {s, -1},
                                                     {s, int(P::Stopped)},
                                                     {s, int(P::Undefined)}};
    QTRY_COMPARE(poolEvents, expectedPool);
}

void tst_ConnectionEvents::connectingSlotRegistersAndDisconnectingDeregisters()
{
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(QString::fromUtf8(m_uri)), qPrintable(conn.errorString()));
    virConnectPtr handle = conn.handle();
    QVERIFY(handle);

    // Nobody listens yet: two probes in a row get consecutive ids.
    const int first = registerProbe(handle);
    QVERIFY2(first >= 0, qPrintable(lastError()));
    QCOMPARE(virConnectDomainEventDeregisterAny(handle, first), 0);

    const QMetaObject::Connection slot
        = connect(&conn, &QVirtConnection::domainRebooted, this, [] {});
    // Exactly one registration in between: QVirtConnection's, with the id
    // right after the first probe.
    const int ours = first + 1;
    const int second = registerProbe(handle);
    QCOMPARE(second, ours + 1);
    QCOMPARE(virConnectDomainEventDeregisterAny(handle, second), 0);

    // A second receiver of the same signal needs no second callback.
    const QMetaObject::Connection another
        = connect(&conn, &QVirtConnection::domainRebooted, this, [] {});
    const int third = registerProbe(handle);
    QCOMPARE(third, second + 1);
    QCOMPARE(virConnectDomainEventDeregisterAny(handle, third), 0);

    // Still one receiver left: the callback stays. (Deregistration waits
    // for the next loop pass.)
    QVERIFY(disconnect(another));
    QCoreApplication::processEvents();
    const int fourth = registerProbe(handle);
    QCOMPARE(fourth, third + 1);
    QCOMPARE(virConnectDomainEventDeregisterAny(handle, fourth), 0);
    // And the daemon holds it (see registrationprobe.h).
    const QList<EventProbe> reboot = rebootProbeOnly();
    QCOMPARE(reboot.size(), 1);
    QCOMPARE(answeredWhileDaemonStopped(handle, reboot, testbedDaemon(), std::chrono::seconds(10)),
             QList<bool>{true});

    // The last receiver gone, libvirt no longer knows QVirtConnection's id:
    // deregistering it again fails. Had it stayed, this would succeed.
    QVERIFY(disconnect(slot));
    QCoreApplication::processEvents();
    QCOMPARE(virConnectDomainEventDeregisterAny(handle, ours), -1);
    // -1 alone would also follow had nothing ever been
    // registered; the probes show that the daemon held the reboot callback
    // above and was told to drop it now.
    QCOMPARE(answeredWhileDaemonStopped(handle, reboot, testbedDaemon(), std::chrono::seconds(1)),
             QList<bool>{false});

    // Events that nobody receives still work after the round trip.
    LifecycleSignalRecorder recorder(&conn);
    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("notify"));
    const Connection raw = openTestConnection();
    QVERIFY(raw);
    const QString failure = runLifecycle(raw.get(), name);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QTRY_COMPARE(recorder.events(), lifecycleEvents(name));
}

void tst_ConnectionEvents::closeDeregistersEveryCallback()
{
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(QString::fromUtf8(m_uri)), qPrintable(conn.errorString()));
    virConnectPtr handle = conn.handle();
    // Keeps the handle usable for the probe after QVirtConnection let go.
    QCOMPARE(virConnectRef(handle), 0);
    const Connection keep(handle);

    const int first = registerProbe(handle);
    QVERIFY(first >= 0);
    QCOMPARE(virConnectDomainEventDeregisterAny(handle, first), 0);
    connect(&conn, &QVirtConnection::domainRebooted, this, [] {});
    const int ours = first + 1;
    // The check after close() below once passed also when
    // nothing had been registered at all. So first prove the registration:
    // the next probe's id counts exactly one registration in between, and
    // the daemon holds a reboot callback for this client.
    const int second = registerProbe(handle);
    QCOMPARE(second, ours + 1);
    QCOMPARE(virConnectDomainEventDeregisterAny(handle, second), 0);
    const QList<EventProbe> reboot = rebootProbeOnly();
    QCOMPARE(reboot.size(), 1);
    QCOMPARE(answeredWhileDaemonStopped(handle, reboot, testbedDaemon(), std::chrono::seconds(10)),
             QList<bool>{true});

    QSignalSpy closed(&conn, &QVirtConnection::closed);
    conn.close();
    QCOMPARE(closed.size(), 1);
    QCOMPARE(closed.at(0).at(0).value<QVirtConnection::CloseReason>(),
             QVirtConnection::CloseReason::Client);
    QCOMPARE(conn.handle(), nullptr);
    QCOMPARE(virConnectDomainEventDeregisterAny(handle, ours), -1);
    // And the daemon was told to stop sending reboot events to this client.
    QCOMPARE(answeredWhileDaemonStopped(handle, reboot, testbedDaemon(), std::chrono::seconds(1)),
             QList<bool>{false});
}

// Every one of QVirtConnection's event signals must make
// the daemon send its libvirt event ID while the signal has a receiver, and
// stop when the last receiver goes. The tests above checked that with
// callback ids on the client alone, and only for one ID; an id that
// deregisters with -1 also results when nothing was registered at all.
// Here each signal is connected in turn, and the probe of its own ID (see
// registrationprobe.h) must find the daemon told about it, so a signal that
// registers nothing, or the wrong ID, fails; the ids in between count that
// there were no more registrations than signals. Events the daemon can
// cause on its own (domain define, metadata and undefine; a storage pool's
// lifecycle and refresh; a secret's lifecycle and value) must then arrive.
// Once every receiver is gone, no probe may find any ID still registered.
// The QEMU URI, because the test driver has no secrets.
void tst_ConnectionEvents::everyRegistrationReachesTheDaemonAndLeavesIt()
{
    using std::chrono::milliseconds;
    using std::chrono::seconds;
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_QEMU_URI");
    QVERIFY(!uri.isEmpty());
    const pid_t daemon = testbedDaemon();
    QVERIFY(daemon > 0);
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(QString::fromUtf8(uri)), qPrintable(conn.errorString()));
    virConnectPtr handle = conn.handle();
    const QList<EventProbe> probes = allEventProbes();
    QCOMPARE(probes.size(), 34);

    // Nobody listens yet: every probe waits for the stopped daemon. This also
    // shows that a probe can tell the two apart on this daemon.
    const QList<bool> none(probes.size(), false);
    QCOMPARE(answeredWhileDaemonStopped(handle, probes, daemon, seconds(1)), none);

    const int before = registerProbe(handle);
    QVERIFY2(before >= 0, qPrintable(lastError()));
    QCOMPARE(virConnectDomainEventDeregisterAny(handle, before), 0);
    EmissionCounter counter;
    QList<QMetaObject::Connection> receivers;
    for (const EventProbe &probe : probes) {
        receivers.append(connect(&conn, probe.signal, &counter, EmissionCounter::hitSlot()));
        QVERIFY(receivers.last());
        QVERIFY2(answeredWhileDaemonStopped(handle, {probe}, daemon, seconds(10)).value(0),
                 qPrintable(QStringLiteral("connecting %1 did not register libvirt's %2 event "
                                           "with the daemon")
                                .arg(QLatin1String(probe.signal.methodSignature()),
                                     QLatin1String(probe.name))));
    }
    // Each signal made one registration, and its probe one more.
    const int after = registerProbe(handle);
    QCOMPARE(after, before + 2 * int(probes.size()) + 1);
    QCOMPARE(virConnectDomainEventDeregisterAny(handle, after), 0);

    // Real events, caused on a connection of the test's own.
    const Connection raw(virConnectOpen(uri.constData()));
    QVERIFY2(raw, qPrintable(lastError()));
    const QByteArray name = uniqueDomainName("registrations");
    const QByteArray domainXml = "<domain type='qemu'><name>" + name
        + "</name><memory unit='MiB'>32</memory><os><type arch='x86_64'>hvm</type></os>"
          "</domain>";
    const Domain dom(virDomainDefineXML(raw.get(), domainXml.constData()));
    QVERIFY2(dom, qPrintable(lastError()));
    const auto undefineDomain = qScopeGuard([&dom] { virDomainUndefine(dom.get()); });
    QCOMPARE(virDomainSetMetadata(dom.get(), VIR_DOMAIN_METADATA_DESCRIPTION, "probe", nullptr,
                                  nullptr, VIR_DOMAIN_AFFECT_CONFIG),
             0);
    QCOMPARE(virDomainUndefine(dom.get()), 0);

    QTemporaryDir target;
    QVERIFY(target.isValid());
    const QByteArray poolXml = "<pool type='dir'><name>" + name + "</name><target><path>"
        + target.path().toUtf8() + "</path></target></pool>";
    virStoragePoolPtr pool = virStoragePoolDefineXML(raw.get(), poolXml.constData(), 0);
    QVERIFY2(pool, qPrintable(lastError()));
    const auto dropPool = qScopeGuard([pool] {
        if (virStoragePoolIsActive(pool) == 1)
            virStoragePoolDestroy(pool);
        virStoragePoolUndefine(pool);
        virStoragePoolFree(pool);
    });
    QCOMPARE(virStoragePoolCreate(pool, 0), 0);
    QCOMPARE(virStoragePoolRefresh(pool, 0), 0);

    const QByteArray secretXml
        = "<secret ephemeral='yes' private='yes'><description>" + name + "</description></secret>";
    virSecretPtr secret = virSecretDefineXML(raw.get(), secretXml.constData(), 0);
    QVERIFY2(secret, qPrintable(lastError()));
    const auto dropSecret = qScopeGuard([secret] {
        virSecretUndefine(secret);
        virSecretFree(secret);
    });
    const unsigned char value[] = "probe";
    QCOMPARE(virSecretSetValue(secret, value, sizeof value - 1, 0), 0);

    using C = QVirtConnection;
    for (const QMetaMethod &signal : {QMetaMethod::fromSignal(&C::domainLifecycle),
                                      QMetaMethod::fromSignal(&C::domainMetadataChanged),
                                      QMetaMethod::fromSignal(&C::storagePoolLifecycle),
                                      QMetaMethod::fromSignal(&C::storagePoolRefreshed),
                                      QMetaMethod::fromSignal(&C::secretLifecycle),
                                      QMetaMethod::fromSignal(&C::secretValueChanged)}) {
        QTRY_VERIFY2_WITH_TIMEOUT(counter.count(signal) > 0, signal.methodSignature().constData(),
                                  10000);
    }

    // The last receiver of each signal gone (deregistration waits for the
    // next loop pass), the daemon holds none of the IDs any more.
    for (const QMetaObject::Connection &receiver : std::as_const(receivers))
        QVERIFY(disconnect(receiver));
    QCoreApplication::processEvents();
    const QList<bool> stillRegistered
        = answeredWhileDaemonStopped(handle, probes, daemon, milliseconds(1000));
    for (qsizetype i = 0; i < probes.size(); ++i) {
        QVERIFY2(!stillRegistered.value(i, true),
                 qPrintable(QStringLiteral("libvirt's %1 event stays registered with the daemon "
                                           "after the last receiver of %2 went")
                                .arg(QLatin1String(probes.at(i).name),
                                     QLatin1String(probes.at(i).signal.methodSignature()))));
    }
}

void tst_ConnectionEvents::twoThousandDefineUndefinePairsNoneLostNoneDuplicated()
{
    constexpr int Pairs = 2000;
    QVirtConnection conn;
    QHash<QByteArray, QList<int>> seen;
    int total = 0;
    connect(&conn, &QVirtConnection::domainLifecycle, this,
            [&](const QVirtDomainRef &domain, DomainEvent event, int) {
                const QByteArray name = domain.name().toUtf8();
                if (!name.startsWith(namePrefix()))
                    return;
                seen[name].append(static_cast<int>(event));
                ++total;
            });
    QVERIFY2(conn.openBlocking(QString::fromUtf8(m_uri)), qPrintable(conn.errorString()));

    // The load comes from another thread on a connection of its own, so that
    // this thread does nothing but receive.
    const QByteArray base = uniqueDomainName("stress");
    std::atomic<int> failures{0};
    std::thread producer([&] {
        const Connection raw(virConnectOpen(m_uri.constData()));
        if (!raw) {
            ++failures;
            return;
        }
        for (int i = 0; i < Pairs; ++i) {
            const QByteArray name = base + '-' + QByteArray::number(i);
            virDomainPtr dom = virDomainDefineXML(raw.get(), testDomainXml(name).constData());
            if (!dom || virDomainUndefine(dom) < 0)
                ++failures;
            if (dom)
                virDomainFree(dom);
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(total >= 2 * Pairs || failures > 0, 60000);
    producer.join();
    QCOMPARE(failures.load(), 0);
    // Nothing late either.
    QTest::qWait(200);
    QCOMPARE(total, 2 * Pairs);
    QCOMPARE(seen.size(), Pairs);
    const QList<int> pair
        = {static_cast<int>(DomainEvent::Defined), static_cast<int>(DomainEvent::Undefined)};
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        QVERIFY2(it.value() == pair, it.key().constData());
}

QTEST_GUILESS_MAIN(tst_ConnectionEvents)
#include "tst_connectionevents.moc"
