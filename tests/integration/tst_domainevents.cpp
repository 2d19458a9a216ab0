// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Domain events from the testbed daemon, carried by the Qt event loop.

#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QScopeGuard>
#include <QtCore/QThread>
#include <QtTest/QTest>

#include <memory>
#include <utility>

using namespace QtVirtIntegration;

class tst_DomainEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void lifecycleEventsArriveInOrder();
    void lifecycleEventsOfAnotherClientArrive();
    void defineUndefineBurstArrivesCompleteAndInOrder();
};

void tst_DomainEvents::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
}

void tst_DomainEvents::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_DomainEvents::cleanup()
{
    // Every test has closed its connections by now; libvirt releases their
    // sockets from the loop.
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_DomainEvents::lifecycleEventsArriveInOrder()
{
    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("lifecycle"));
    const Connection conn = openTestConnection();
    QVERIFY(conn);
    LifecycleRecorder recorder(conn.get());
    QVERIFY2(recorder.isRegistered(), qPrintable(lastError()));

    const QString failure = runLifecycle(conn.get(), name);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    // The calls above only queue the events: libvirt hands them over from a
    // 0 ms timeout, which nothing but the running loop fires.
    QVERIFY(recorder.events().isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(recorder.events(), lifecycleEvents(name), 5000);
    QCOMPARE(recorder.callbacksOutsideMainThread(), 0);
}

void tst_DomainEvents::lifecycleEventsOfAnotherClientArrive()
{
    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("other-client"));
    const Connection listener = openTestConnection();
    QVERIFY(listener);
    LifecycleRecorder recorder(listener.get());
    QVERIFY2(recorder.isRegistered(), qPrintable(lastError()));

    // The listener makes no call of its own here, so only its socket
    // notifier can read these events off the wire.
    const Connection actor = openTestConnection();
    QVERIFY(actor);
    const QString failure = runLifecycle(actor.get(), name);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    QTRY_COMPARE_WITH_TIMEOUT(recorder.events(), lifecycleEvents(name), 5000);
    QCOMPARE(recorder.callbacksOutsideMainThread(), 0);
}

void tst_DomainEvents::defineUndefineBurstArrivesCompleteAndInOrder()
{
    constexpr int pairs = 200;
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TEST_URI");
    QVERIFY(!uri.isEmpty());

    DomainJanitor janitor;
    QList<QByteArray> names;
    QList<LifecycleEvent> expected;
    for (int i = 0; i < pairs; ++i) {
        names.append(janitor.track(uniqueDomainName("burst")));
        expected.append({names.last(), VIR_DOMAIN_EVENT_DEFINED, VIR_DOMAIN_EVENT_DEFINED_ADDED});
        expected.append(
            {names.last(), VIR_DOMAIN_EVENT_UNDEFINED, VIR_DOMAIN_EVENT_UNDEFINED_REMOVED});
    }

    const Connection listener = openTestConnection();
    QVERIFY(listener);
    LifecycleRecorder recorder(listener.get());
    QVERIFY2(recorder.isRegistered(), qPrintable(lastError()));

    // Another thread makes the changes while the loop thread listens, so
    // events arrive while the loop runs, and the worker's own connection
    // registers and drops its watch from outside the loop thread.
    QString workerFailure;
    const std::unique_ptr<QThread> worker(QThread::create([&] {
        const Connection actor(virConnectOpen(uri.constData()));
        if (!actor) {
            workerFailure = QStringLiteral("connect: ") + lastError();
            return;
        }
        for (const QByteArray &name : std::as_const(names)) {
            const Domain dom(virDomainDefineXML(actor.get(), testDomainXml(name).constData()));
            if (!dom || virDomainUndefine(dom.get()) < 0) {
                workerFailure = QString::fromUtf8(name) + QStringLiteral(": ") + lastError();
                return;
            }
        }
    }));
    worker->start();
    const auto joinWorker = qScopeGuard([&] { worker->wait(); });
    QTRY_VERIFY_WITH_TIMEOUT(worker->isFinished(), 60000);
    QVERIFY2(workerFailure.isEmpty(), qPrintable(workerFailure));

    // A last pair behind the burst: once its events are in, anything the
    // daemon sent before them is in too, so the list is final.
    const QByteArray fence = janitor.track(uniqueDomainName("fence"));
    {
        const Domain dom(virDomainDefineXML(listener.get(), testDomainXml(fence).constData()));
        QVERIFY2(dom, qPrintable(lastError()));
        QVERIFY2(virDomainUndefine(dom.get()) == 0, qPrintable(lastError()));
    }
    expected.append({fence, VIR_DOMAIN_EVENT_DEFINED, VIR_DOMAIN_EVENT_DEFINED_ADDED});
    expected.append({fence, VIR_DOMAIN_EVENT_UNDEFINED, VIR_DOMAIN_EVENT_UNDEFINED_REMOVED});

    QTRY_VERIFY_WITH_TIMEOUT(
        !recorder.events().isEmpty() && recorder.events().last() == expected.last(), 10000);
    QCOMPARE(recorder.events().size(), 2 * pairs + 2);
    QCOMPARE(recorder.events(), expected);
    QCOMPARE(recorder.callbacksOutsideMainThread(), 0);
}

QTEST_GUILESS_MAIN(tst_DomainEvents)
#include "tst_domainevents.moc"
