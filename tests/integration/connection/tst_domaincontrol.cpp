// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The domain operations a VM manager's menus offer
// (reboot, reset, shutdown and destroy with their flags, undefine with its
// flags, transient creation, autostart, memory, vCPUs, XML), each run
// through QVirtConnection against the testbed's test driver, its effect
// read back from the daemon on a connection of the test's own. Before these
// operations existed a VM manager had to make the blocking libvirt calls
// itself, in a thread of its own, or freeze its window.

#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtTest/QTest>

#include <optional>

using namespace QtVirtIntegration;

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

// The test driver's smallest domain, with room for a second vCPU and a
// reboot that stops it (so that the reboot shows in the domain's state).
QByteArray controlDomainXml(const QByteArray &name)
{
    return "<domain type='test'><name>" + name
        + "</name><memory>8192</memory><currentMemory>8192</currentMemory>"
          "<vcpu current='1'>2</vcpu><on_reboot>destroy</on_reboot>"
          "<os><type>hvm</type></os></domain>";
}

// What a finished future holds: its value, or the QVirtError's message.
template<typename T> struct Result
{
    std::optional<T> value;
    std::optional<QVirtError> error;
};

template<typename T> Result<T> await(QFuture<T> future)
{
    Result<T> result;
    // Finished in this thread, through its event loop: wait by running it.
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 20000))
        return result;
    try {
        result.value = future.result();
    } catch (const QVirtError &error) {
        result.error = error;
    }
    return result;
}

Result<bool> await(QFuture<void> future)
{
    // A void future has no value: true stands for its success.
    Result<bool> result;
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 20000))
        return result;
    try {
        future.waitForFinished();
        result.value = true;
    } catch (const QVirtError &error) {
        result.error = error;
    }
    return result;
}

// Fails the test with the error's message when the operation did not
// succeed.
#define QVERIFY_SUCCEEDED(result) \
    QVERIFY2((result).value.has_value(), \
             (result).error ? qPrintable((result).error->message()) : "the future never finished")

// libvirt's own message for an operation refused by the daemon, as the
// future carries it.
#define QVERIFY_FAILED_WITH(result, text) \
    do { \
        QVERIFY2((result).error.has_value(), "the operation did not fail"); \
        QVERIFY2((result).error->message().contains(QLatin1String(text)), \
                 qPrintable((result).error->message())); \
    } while (false)

struct Info
{
    int state = -1;
    unsigned long maxMemory = 0;
    unsigned long memory = 0;
    int vcpus = 0;
};

std::optional<Info> infoOf(virConnectPtr conn, const QByteArray &name)
{
    const Domain dom(virDomainLookupByName(conn, name.constData()));
    virDomainInfo raw{};
    if (!dom || virDomainGetInfo(dom.get(), &raw) < 0)
        return std::nullopt;
    return Info{raw.state, raw.maxMem, raw.memory, raw.nrVirtCpu};
}

bool exists(virConnectPtr conn, const QByteArray &name)
{
    const Domain dom(virDomainLookupByName(conn, name.constData()));
    return dom != nullptr;
}

} // namespace

class tst_DomainControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startWithFlagsAndShutdown();
    void shutdownFlagsReachLibvirt();
    void rebootFollowsTheDomainsRebootAction();
    void resetNeedsARunningDomain();
    void destroyWithFlags();
    void undefineWithFlags();
    void createMakesATransientDomain();
    void setAutostart();
    void setMemory();
    void setVcpus();
    void domainXmlWithFlags();
    void unknownDomainFailsWithLibvirtsMessage();

private:
    // Defines (and with start, starts) a domain in the janitor's care.
    QVirtDomainRef define(const char *purpose, bool start);

    QString m_uri;
    Connection m_raw;
    DomainJanitor m_janitor;
    QVirtConnection m_conn;
};

void tst_DomainControl::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    QVERIFY(!m_uri.isEmpty());
    // The test driver's state lives while a connection to it is open: this
    // one keeps it for the whole test, and reads every effect.
    m_raw = openTestConnection();
    QVERIFY(m_raw);
    QVERIFY2(m_conn.openBlocking(m_uri), qPrintable(m_conn.errorString()));
}

void tst_DomainControl::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_DomainControl::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

QVirtDomainRef tst_DomainControl::define(const char *purpose, bool start)
{
    const QByteArray name = m_janitor.track(uniqueDomainName(purpose));
    const Domain dom(virDomainDefineXML(m_raw.get(), controlDomainXml(name).constData()));
    if (!dom || (start && virDomainCreate(dom.get()) < 0)) {
        QTest::qFail(qPrintable(lastError()), __FILE__, __LINE__);
        return {};
    }
    return QVirtDomainRef(QString::fromUtf8(name), QUuid());
}

// The test driver refuses every start flag: its refusal names the flag it
// was given, which shows that the flag reached the daemon as libvirt's value.
void tst_DomainControl::startWithFlagsAndShutdown()
{
    const QVirtDomainRef domain = define("start", false);
    const QByteArray name = domain.name().toUtf8();
    const auto refused = await(m_conn.startDomain(domain, QVirtConnection::CreateFlag::Paused));
    QVERIFY_FAILED_WITH(refused, "unsupported flags (0x1) in function testDomainCreateWithFlags");
    QCOMPARE(infoOf(m_raw.get(), name)->state, int(VIR_DOMAIN_SHUTOFF));
    QVERIFY_SUCCEEDED(await(m_conn.startDomain(domain)));
    QCOMPARE(infoOf(m_raw.get(), name)->state, int(VIR_DOMAIN_RUNNING));
    QVERIFY_SUCCEEDED(await(m_conn.suspendDomain(domain)));
    QCOMPARE(infoOf(m_raw.get(), name)->state, int(VIR_DOMAIN_PAUSED));
    QVERIFY_SUCCEEDED(await(m_conn.resumeDomain(domain)));
    QCOMPARE(infoOf(m_raw.get(), name)->state, int(VIR_DOMAIN_RUNNING));
    QVERIFY_SUCCEEDED(await(m_conn.shutdownDomain(domain)));
    QCOMPARE(infoOf(m_raw.get(), name)->state, int(VIR_DOMAIN_SHUTOFF));
}

// The test driver takes no shutdown flag, as above.
void tst_DomainControl::shutdownFlagsReachLibvirt()
{
    const QVirtDomainRef domain = define("shutdown-acpi", true);
    const auto refused
        = await(m_conn.shutdownDomain(domain, QVirtConnection::ShutdownFlag::AcpiPowerButton));
    QVERIFY_FAILED_WITH(refused, "unsupported flags (0x1) in function testDomainShutdownFlags");
    QCOMPARE(refused.error->code(), int(VIR_ERR_INVALID_ARG));
    QCOMPARE(infoOf(m_raw.get(), domain.name().toUtf8())->state, int(VIR_DOMAIN_RUNNING));
}

// The domain's XML says <on_reboot>destroy</on_reboot>: the test driver
// then stops it on reboot, which the daemon shows as its state.
void tst_DomainControl::rebootFollowsTheDomainsRebootAction()
{
    const QVirtDomainRef domain = define("reboot", true);
    QVERIFY_SUCCEEDED(await(m_conn.rebootDomain(domain)));
    QCOMPARE(infoOf(m_raw.get(), domain.name().toUtf8())->state, int(VIR_DOMAIN_SHUTOFF));
}

// The test driver's reset changes nothing visible on a running domain; what
// the daemon shows is that it accepts it there and refuses it, with its own
// message, on a domain that does not run.
void tst_DomainControl::resetNeedsARunningDomain()
{
    const QVirtDomainRef domain = define("reset", true);
    QVERIFY_SUCCEEDED(await(m_conn.resetDomain(domain)));
    QCOMPARE(infoOf(m_raw.get(), domain.name().toUtf8())->state, int(VIR_DOMAIN_RUNNING));
    QVERIFY_SUCCEEDED(await(m_conn.destroyDomain(domain)));
    QVERIFY_FAILED_WITH(await(m_conn.resetDomain(domain)), "domain is not running");
}

void tst_DomainControl::destroyWithFlags()
{
    const QVirtDomainRef domain = define("destroy-graceful", true);
    const QByteArray name = domain.name().toUtf8();
    QVERIFY_FAILED_WITH(
        await(m_conn.destroyDomain(domain, QVirtConnection::DestroyFlag::RemoveLogs)),
        "unsupported flags (0x2) in function testDomainDestroyFlags");
    QCOMPARE(infoOf(m_raw.get(), name)->state, int(VIR_DOMAIN_RUNNING));
    QVERIFY_SUCCEEDED(await(m_conn.destroyDomain(domain, QVirtConnection::DestroyFlag::Graceful)));
    QCOMPARE(infoOf(m_raw.get(), name)->state, int(VIR_DOMAIN_SHUTOFF));
}

void tst_DomainControl::undefineWithFlags()
{
    const QVirtDomainRef domain = define("undefine-flags", false);
    const QByteArray name = domain.name().toUtf8();
    QVERIFY_FAILED_WITH(await(m_conn.undefineDomain(domain, QVirtConnection::UndefineFlag::Nvram)),
                        "unsupported flags (0x4) in function testDomainUndefineFlags");
    QVERIFY(exists(m_raw.get(), name));
    // The two flags the test driver takes.
    const QVirtConnection::UndefineFlags flags = QVirtConnection::UndefineFlag::ManagedSave
        | QVirtConnection::UndefineFlag::SnapshotsMetadata;
    QVERIFY_SUCCEEDED(await(m_conn.undefineDomain(domain, flags)));
    QVERIFY(!exists(m_raw.get(), name));
}

void tst_DomainControl::createMakesATransientDomain()
{
    const QByteArray name = m_janitor.track(uniqueDomainName("create-transient"));
    const QString xml = QString::fromUtf8(controlDomainXml(name));
    // The test driver takes no creation flag, and says which it got.
    QVERIFY_FAILED_WITH(await(m_conn.createDomain(xml, QVirtConnection::CreateFlag::Paused)),
                        "unsupported flags (0x1) in function testDomainCreateXML");
    QVERIFY(!exists(m_raw.get(), name));
    const auto created = await(m_conn.createDomain(xml));
    QVERIFY_SUCCEEDED(created);
    QCOMPARE(created.value->name(), QString::fromUtf8(name));
    QVERIFY(!created.value->uuid().isNull());
    QVERIFY(created.value->id() >= 0);
    const Domain dom(virDomainLookupByName(m_raw.get(), name.constData()));
    QVERIFY(dom);
    QCOMPARE(virDomainIsPersistent(dom.get()), 0);
    QCOMPARE(int(virDomainGetID(dom.get())), created.value->id());
    QCOMPARE(infoOf(m_raw.get(), name)->state, int(VIR_DOMAIN_RUNNING));
    // A name in use: the daemon refuses, and says so.
    QVERIFY_FAILED_WITH(await(m_conn.createDomain(xml)), "already exists");
}

void tst_DomainControl::setAutostart()
{
    const QVirtDomainRef domain = define("autostart", false);
    const Domain dom(virDomainLookupByName(m_raw.get(), domain.name().toUtf8().constData()));
    QVERIFY(dom);
    int autostart = -1;
    QVERIFY_SUCCEEDED(await(m_conn.setDomainAutostart(domain, true)));
    QCOMPARE(virDomainGetAutostart(dom.get(), &autostart), 0);
    QCOMPARE(autostart, 1);
    QVERIFY_SUCCEEDED(await(m_conn.setDomainAutostart(domain, false)));
    QCOMPARE(virDomainGetAutostart(dom.get(), &autostart), 0);
    QCOMPARE(autostart, 0);
}

void tst_DomainControl::setMemory()
{
    const QVirtDomainRef domain = define("memory", true);
    const QByteArray name = domain.name().toUtf8();
    QVERIFY_SUCCEEDED(
        await(m_conn.setDomainMemory(domain, 4096, QVirtConnection::MemoryFlag::Live)));
    QCOMPARE(infoOf(m_raw.get(), name)->memory, 4096UL);
    QCOMPARE(infoOf(m_raw.get(), name)->maxMemory, 8192UL);
    // More than the maximum: the daemon refuses.
    QVERIFY(await(m_conn.setDomainMemory(domain, 16384, QVirtConnection::MemoryFlag::Live))
                .error.has_value());
    QCOMPARE(infoOf(m_raw.get(), name)->memory, 4096UL);
}

void tst_DomainControl::setVcpus()
{
    const QVirtDomainRef domain = define("vcpus", true);
    const QByteArray name = domain.name().toUtf8();
    QCOMPARE(infoOf(m_raw.get(), name)->vcpus, 1);
    QVERIFY_SUCCEEDED(await(m_conn.setDomainVcpus(domain, 2, QVirtConnection::VcpuFlag::Live)));
    QCOMPARE(infoOf(m_raw.get(), name)->vcpus, 2);
    // More than the maximum of 2.
    QVERIFY(
        await(m_conn.setDomainVcpus(domain, 3, QVirtConnection::VcpuFlag::Live)).error.has_value());
    QCOMPARE(infoOf(m_raw.get(), name)->vcpus, 2);
}

// The live XML of a running domain carries its id; the inactive one
// (XmlFlag::Inactive) does not: both equal what libvirt gives directly.
void tst_DomainControl::domainXmlWithFlags()
{
    const QVirtDomainRef domain = define("xml", true);
    const Domain dom(virDomainLookupByName(m_raw.get(), domain.name().toUtf8().constData()));
    QVERIFY(dom);
    const auto direct = [&dom](unsigned int flags) { return domainXml(dom.get(), flags); };
    const auto live = await(m_conn.domainXml(domain));
    QVERIFY_SUCCEEDED(live);
    QCOMPARE(*live.value, direct(0));
    QVERIFY(live.value->contains(QLatin1String("<domain type='test' id=")));
    const auto inactive = await(m_conn.domainXml(domain, QVirtConnection::XmlFlag::Inactive));
    QVERIFY_SUCCEEDED(inactive);
    QCOMPARE(*inactive.value, direct(VIR_DOMAIN_XML_INACTIVE));
    QVERIFY(!inactive.value->contains(QLatin1String(" id=")));
}

// A domain the daemon does not know: the future carries libvirt's message.
void tst_DomainControl::unknownDomainFailsWithLibvirtsMessage()
{
    const QVirtDomainRef absent(QString::fromUtf8(uniqueDomainName("absent")), QUuid());
    const auto result = await(m_conn.domainXml(absent));
    QVERIFY_FAILED_WITH(result, "Domain not found");
    QCOMPARE(result.error->code(), int(VIR_ERR_NO_DOMAIN));
}

QTEST_GUILESS_MAIN(tst_DomainControl)
#include "tst_domaincontrol.moc"
