// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection's event signals against the testbed's test driver.

#include "connectiontestsupport.h"
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QHash>
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

    // The last receiver gone, libvirt no longer knows QVirtConnection's id:
    // deregistering it again fails. Had it stayed, this would succeed.
    QVERIFY(disconnect(slot));
    QCoreApplication::processEvents();
    QCOMPARE(virConnectDomainEventDeregisterAny(handle, ours), -1);

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

    QSignalSpy closed(&conn, &QVirtConnection::closed);
    conn.close();
    QCOMPARE(closed.size(), 1);
    QCOMPARE(closed.at(0).at(0).value<QVirtConnection::CloseReason>(),
             QVirtConnection::CloseReason::Client);
    QCOMPARE(conn.handle(), nullptr);
    QCOMPARE(virConnectDomainEventDeregisterAny(handle, ours), -1);
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
