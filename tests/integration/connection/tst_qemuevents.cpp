// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection's signals for the testbed's tiny QEMU guest: start,
// reboot from inside the guest, destroy.

#include "consoletyper.h"
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QScopeGuard>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace QtVirtIntegration;
using QVirtEvents::DomainEvent;

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

template<typename Future> bool await(Future future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    try {
        future.waitForFinished();
    } catch (const QVirtError &error) {
        qWarning("%s", qPrintable(error.message()));
        return false;
    }
    return true;
}

} // namespace

class tst_QemuEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void tinyGuestStartRebootFromInsideAndDestroySignal();
};

void tst_QemuEvents::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
}

void tst_QemuEvents::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_QemuEvents::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_QemuEvents::tinyGuestStartRebootFromInsideAndDestroySignal()
{
    const QString uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_QEMU_URI"));
    const QString name = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TESTBED_DOMAIN"));
    QVERIFY(!uri.isEmpty() && !name.isEmpty());

    QVirtConnection conn;
    QList<QPair<DomainEvent, int>> lifecycle;
    connect(&conn, &QVirtConnection::domainLifecycle, this,
            [&](const QVirtDomainRef &domain, DomainEvent event, int detail) {
                if (domain.name() == name)
                    lifecycle.append({event, detail});
            });
    QSignalSpy rebooted(&conn, &QVirtConnection::domainRebooted);
    QVERIFY2(conn.openBlocking(uri), qPrintable(conn.errorString()));
    QCOMPARE(conn.hypervisorType(), QStringLiteral("QEMU"));

    virDomainPtr raw = virDomainLookupByName(conn.handle(), name.toUtf8().constData());
    QVERIFY2(raw, qPrintable(lastError()));
    const Domain dom(raw);
    if (virDomainIsActive(dom.get()) == 1)
        QCOMPARE(virDomainDestroy(dom.get()), 0);
    QTest::qWait(200);
    lifecycle.clear();
    // The guest never stays running after this test.
    const auto stopGuest = qScopeGuard([&] {
        if (virDomainIsActive(dom.get()) == 1)
            virDomainDestroy(dom.get());
    });

    const QVirtDomainRef domain(name, QUuid());
    QVERIFY(await(conn.startDomain(domain)));
    using Started = QVirtEvents::StartedDetail;
    // QEMU also reports the CPUs resuming (Resumed Unpaused) around it.
    const auto started = qMakePair(DomainEvent::Started, static_cast<int>(Started::Booted));
    QTRY_VERIFY_WITH_TIMEOUT(lifecycle.contains(started), 30000);

    // Wait for the guest's shell, then reboot it from inside.
    ConsoleTyper console;
    QVERIFY2(console.open(conn.handle(), dom.get()), qPrintable(lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(
        console.type("echo hel\"\"lo-$((6*7))\n") && console.output().contains("hello-42"), 60000);
    QCOMPARE(rebooted.size(), 0);
    QVERIFY(console.type("reboot -f\n"));
    QVERIFY(rebooted.wait(30000) || rebooted.size() == 1);
    QCOMPARE(rebooted.at(0).at(0).value<QVirtDomainRef>().name(), name);
    QVERIFY(virDomainIsActive(dom.get()) == 1);

    QVERIFY(await(conn.destroyDomain(domain)));
    using Stopped = QVirtEvents::StoppedDetail;
    QTRY_COMPARE_WITH_TIMEOUT(lifecycle.last(),
                              qMakePair(DomainEvent::Stopped, static_cast<int>(Stopped::Destroyed)),
                              10000);
    // A reboot inside the guest is a reset, not a stop and a start.
    QList<QPair<DomainEvent, int>> startsAndStops;
    for (const auto &event : std::as_const(lifecycle)) {
        if (event.first == DomainEvent::Started || event.first == DomainEvent::Stopped)
            startsAndStops.append(event);
    }
    const QList<QPair<DomainEvent, int>> expected
        = {started, {DomainEvent::Stopped, static_cast<int>(Stopped::Destroyed)}};
    QCOMPARE(startsAndStops, expected);
    // Linux tries one reset method after another until the CPU resets
    // (arch/x86/kernel/reboot.c), and on a busy host QEMU may take two or
    // three of them as resets, each one a reboot event.
    QVERIFY2(rebooted.size() >= 1 && rebooted.size() <= 3,
             qPrintable(QString::number(rebooted.size())));
    for (const QList<QVariant> &event : std::as_const(rebooted))
        QCOMPARE(event.at(0).value<QVirtDomainRef>().name(), name);
}

QTEST_GUILESS_MAIN(tst_QemuEvents)
#include "tst_qemuevents.moc"
