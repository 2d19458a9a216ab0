// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection::listDomains() against what libvirt
// says of each domain when asked one by one (virConnectListAllDomains(),
// then virDomainGetInfo(), virDomainGetState(), virDomainIsPersistent() and
// virDomainGetAutostart() per domain): the same domains, with the same
// state, flags, memory and vCPUs, on the test driver (whose statistics
// carry only the state) and on QEMU (whose statistics carry everything).
// Before it existed, a VM manager had to make those calls per domain itself.

#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainInfo>
#include <QtVirt/QtVirtEventImpl>

#include <QtTest/QTest>

#include <algorithm>
#include <cstdlib>

using namespace QtVirtIntegration;

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

// One domain as the per-domain calls describe it.
struct Expected
{
    QString name;
    QUuid uuid;
    int id = -1;
    int state = -1;
    int reason = -1;
    bool persistent = false;
    bool autostart = false;
    quint64 maxMemory = 0;
    quint64 memory = 0;
    int vcpus = 0;
    quint64 cpuTime = 0;
};

// Empty after failing the test.
QList<Expected> askOneByOne(virConnectPtr conn)
{
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(conn, &domains, 0);
    if (count < 0) {
        QTest::qFail(qPrintable(lastError()), __FILE__, __LINE__);
        return {};
    }
    QList<Expected> all;
    for (int i = 0; i < count; ++i) {
        const Domain dom(domains[i]);
        Expected e;
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        virDomainGetUUIDString(dom.get(), uuid);
        e.name = QString::fromUtf8(virDomainGetName(dom.get()));
        e.uuid = QUuid::fromString(QLatin1String(uuid));
        e.id = static_cast<int>(virDomainGetID(dom.get()));
        virDomainInfo info{};
        int autostart = 0;
        if (virDomainGetInfo(dom.get(), &info) < 0
            || virDomainGetState(dom.get(), &e.state, &e.reason, 0) < 0
            || virDomainGetAutostart(dom.get(), &autostart) < 0) {
            QTest::qFail(qPrintable(lastError()), __FILE__, __LINE__);
            return {};
        }
        e.persistent = virDomainIsPersistent(dom.get()) == 1;
        e.autostart = autostart != 0;
        e.maxMemory = info.maxMem;
        e.memory = info.memory;
        e.vcpus = info.nrVirtCpu;
        e.cpuTime = info.cpuTime;
        all.append(e);
    }
    free(domains); // NOLINT(cppcoreguidelines-no-malloc): libvirt allocated it
    std::sort(all.begin(), all.end(),
              [](const Expected &a, const Expected &b) { return a.uuid < b.uuid; });
    return all;
}

// Fails the test when the listing does not finish or fails.
QList<QVirtDomainInfo> listThrough(QVirtConnection &conn)
{
    QFuture<QList<QVirtDomainInfo>> future = conn.listDomains();
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 20000)) {
        QTest::qFail("listDomains() did not finish", __FILE__, __LINE__);
        return {};
    }
    QList<QVirtDomainInfo> infos;
    try {
        infos = future.result();
    } catch (const QVirtError &error) {
        QTest::qFail(qPrintable(error.message()), __FILE__, __LINE__);
        return {};
    }
    std::sort(infos.begin(), infos.end(), [](const QVirtDomainInfo &a, const QVirtDomainInfo &b) {
        return a.uuid() < b.uuid();
    });
    return infos;
}

// CPU time grows between the two readings of a running domain: it must lie
// between what was read before and after.
void compare(const QList<QVirtDomainInfo> &listed, const QList<Expected> &before,
             const QList<Expected> &after)
{
    QCOMPARE(listed.size(), before.size());
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < listed.size(); ++i) {
        const QVirtDomainInfo &info = listed[i];
        const Expected &e = before[i];
        QCOMPARE(info.name(), e.name);
        QCOMPARE(info.uuid(), e.uuid);
        QCOMPARE(info.id(), e.id);
        QCOMPARE(info.domainRef(), QVirtDomainRef(e.name, e.uuid, e.id));
        QCOMPARE(int(info.state()), e.state);
        QCOMPARE(info.stateReason(), e.reason);
        QCOMPARE(info.isPersistent(), e.persistent);
        QCOMPARE(info.autostart(), e.autostart);
        QCOMPARE(info.maxMemory(), e.maxMemory);
        QCOMPARE(info.memory(), e.memory);
        QCOMPARE(info.vcpus(), e.vcpus);
        // A domain that does not run has used no CPU time: listDomains()
        // says 0, where the test driver's virDomainGetInfo() reports its
        // clock for every domain.
        if (e.id == -1) {
            QCOMPARE(info.cpuTime(), quint64(0));
            continue;
        }
        QVERIFY2(info.cpuTime() >= e.cpuTime && info.cpuTime() <= after[i].cpuTime,
                 qPrintable(QStringLiteral("%1: %2 not in [%3, %4]")
                                .arg(e.name)
                                .arg(info.cpuTime())
                                .arg(e.cpuTime)
                                .arg(after[i].cpuTime)));
    }
}

} // namespace

class tst_DomainListing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void matchesPerDomainCallsOnTheTestDriver();
    void matchesPerDomainCallsOnQemu();
    void failsOnAClosedConnection();

private:
    Connection m_raw;
    DomainJanitor m_janitor;
};

void tst_DomainListing::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_raw = openTestConnection(); // keeps the test driver's domains alive
    QVERIFY(m_raw);
}

void tst_DomainListing::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_DomainListing::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

// A running persistent domain with autostart, a paused transient one and a
// defined one that does not run, beside the test driver's own "test".
void tst_DomainListing::matchesPerDomainCallsOnTheTestDriver()
{
    const QByteArray running = m_janitor.track(uniqueDomainName("list-running"));
    const QByteArray transient = m_janitor.track(uniqueDomainName("list-transient"));
    const QByteArray inactive = m_janitor.track(uniqueDomainName("list-inactive"));
    {
        const Domain a(virDomainDefineXML(m_raw.get(), testDomainXml(running).constData()));
        QVERIFY2(a && virDomainCreate(a.get()) == 0 && virDomainSetAutostart(a.get(), 1) == 0
                     && virDomainSetMemory(a.get(), 4096) == 0,
                 qPrintable(lastError()));
        const Domain b(virDomainCreateXML(m_raw.get(), testDomainXml(transient).constData(), 0));
        QVERIFY2(b && virDomainSuspend(b.get()) == 0, qPrintable(lastError()));
        const Domain c(virDomainDefineXML(m_raw.get(), testDomainXml(inactive).constData()));
        QVERIFY2(c, qPrintable(lastError()));
    }
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"))),
             qPrintable(conn.errorString()));
    const QList<Expected> before = askOneByOne(m_raw.get());
    QVERIFY(!before.isEmpty());
    const QList<QVirtDomainInfo> listed = listThrough(conn);
    const QList<Expected> after = askOneByOne(m_raw.get());
    compare(listed, before, after);
    if (QTest::currentTestFailed())
        return;
    // The three kinds are there, so that the comparison covered them.
    const auto find = [&listed](const QByteArray &name) {
        return *std::find_if(listed.cbegin(), listed.cend(), [&name](const QVirtDomainInfo &info) {
            return info.name() == QString::fromUtf8(name);
        });
    };
    QVERIFY(find(running).autostart());
    QCOMPARE(find(running).memory(), quint64(4096));
    QVERIFY(!find(transient).isPersistent());
    QCOMPARE(find(transient).state(), QVirtDomainInfo::State::Paused);
    QCOMPARE(find(inactive).state(), QVirtDomainInfo::State::Shutoff);
    QCOMPARE(find(inactive).id(), -1);
}

// QEMU's statistics carry memory, vCPUs and CPU time: the listing takes
// them from there, and they must agree with virDomainGetInfo().
void tst_DomainListing::matchesPerDomainCallsOnQemu()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_QEMU_URI");
    QVERIFY(!uri.isEmpty());
    const Connection qemu(virConnectOpen(uri.constData()));
    QVERIFY2(qemu, qPrintable(lastError()));
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(QString::fromUtf8(uri)), qPrintable(conn.errorString()));
    const QList<Expected> before = askOneByOne(qemu.get());
    QVERIFY(!before.isEmpty());
    const QList<QVirtDomainInfo> listed = listThrough(conn);
    const QList<Expected> after = askOneByOne(qemu.get());
    compare(listed, before, after);
}

void tst_DomainListing::failsOnAClosedConnection()
{
    QVirtConnection conn;
    QFuture<QList<QVirtDomainInfo>> future = conn.listDomains();
    QVERIFY(future.isFinished());
    QString message;
    try {
        future.waitForFinished();
    } catch (const QVirtError &error) {
        message = error.message();
    }
    QCOMPARE(message, QStringLiteral("the connection is not open"));
}

QTEST_GUILESS_MAIN(tst_DomainListing)
#include "tst_domainlisting.moc"
