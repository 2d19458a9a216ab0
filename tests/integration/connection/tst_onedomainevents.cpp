// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection::domainEvents() gives the events of
// one domain. Before it, a window showing one domain had to take every
// domain's events from QVirtConnection's signals and drop the others
// itself, and over a remote link every one of them travelled from the
// daemon. Here the callbacks are registered with the domain, so libvirt
// filters in the daemon: the test counts the bytes the daemon sends through
// a relay socket to show that another domain's events never leave it.

#include "integrationsupport.h"
#include "rpccutter.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainEvents>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QFileInfo>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace QtVirtIntegration;

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

// The names of the domains in a domainLifecycle spy's calls.
QStringList namesIn(const QSignalSpy &spy)
{
    QStringList names;
    for (const QList<QVariant> &call : spy)
        names.append(call.at(0).value<QVirtDomainRef>().name());
    return names;
}

} // namespace

class tst_OneDomainEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void eachObjectGetsItsDomainsEventsOnly();
    void daemonSendsNoEventOfAnotherDomain();
    void oneObjectPerDomainAndANewOneAfterDeletion();
    void invalidReferenceGivesNoObject();
    void missingDomainIsLookupErrorUntilItExists();

private:
    // Defines a domain in the janitor's care; its reference by name only.
    QVirtDomainRef define(const char *purpose);
    // Starts and destroys the domain through the test's own connection.
    bool cycle(const QVirtDomainRef &domain);

    Connection m_raw;
    DomainJanitor m_janitor;
    QString m_uri;
};

void tst_OneDomainEvents::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    m_raw = openTestConnection(); // keeps the test driver's domains alive
    QVERIFY(m_raw);
}

void tst_OneDomainEvents::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_OneDomainEvents::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

QVirtDomainRef tst_OneDomainEvents::define(const char *purpose)
{
    const QByteArray name = m_janitor.track(uniqueDomainName(purpose));
    const Domain dom(virDomainDefineXML(m_raw.get(), testDomainXml(name).constData()));
    if (!dom) {
        QTest::qFail(qPrintable(lastError()), __FILE__, __LINE__);
        return {};
    }
    return QVirtDomainRef(QString::fromUtf8(name), QUuid());
}

bool tst_OneDomainEvents::cycle(const QVirtDomainRef &domain)
{
    const Domain dom(virDomainLookupByName(m_raw.get(), domain.name().toUtf8().constData()));
    return dom && virDomainCreate(dom.get()) == 0 && virDomainDestroy(dom.get()) == 0;
}

// Two objects for two domains on one connection, and a third domain with
// none: each object gets the two events (started, stopped) of its domain,
// in order, and nothing else.
void tst_OneDomainEvents::eachObjectGetsItsDomainsEventsOnly()
{
    const QVirtDomainRef a = define("one-a");
    const QVirtDomainRef b = define("one-b");
    const QVirtDomainRef c = define("one-c");
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));
    QVirtDomainEvents *eventsA = conn.domainEvents(a);
    QVirtDomainEvents *eventsB = conn.domainEvents(b);
    QVERIFY(eventsA && eventsB);
    QCOMPARE(eventsA->domain(), a);
    QCOMPARE(eventsA->parent(), &conn);
    QSignalSpy spyA(eventsA, &QVirtDomainEvents::domainLifecycle);
    QSignalSpy spyB(eventsB, &QVirtDomainEvents::domainLifecycle);
    QVERIFY(cycle(c));
    QVERIFY(cycle(a));
    QVERIFY(cycle(c));
    QVERIFY(cycle(b));
    QVERIFY(cycle(c));
    QTRY_COMPARE_WITH_TIMEOUT(spyA.size(), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(spyB.size(), 2, 10000);
    QTest::qWait(200); // anything else that might come
    QCOMPARE(namesIn(spyA), QStringList(2, a.name()));
    QCOMPARE(namesIn(spyB), QStringList(2, b.name()));
    QCOMPARE(spyA.at(0).at(1).value<QVirtEvents::DomainEvent>(), QVirtEvents::DomainEvent::Started);
    QCOMPARE(spyA.at(1).at(1).value<QVirtEvents::DomainEvent>(), QVirtEvents::DomainEvent::Stopped);
}

// The daemon side of the filter. The connection goes through a proxy
// (an RpcCutter that cuts nothing) that counts what the daemon sends. With only domain A's object
// listening, a burst of domain B's events followed by one event of A brings A's event and nothing
// more: had the callback been registered for every domain (and filtered in this process), B's
// events would have crossed the relay before A's. The same burst with a listener for every domain
// shows that the count does see such events.
void tst_OneDomainEvents::daemonSendsNoEventOfAnotherDomain()
{
    const QVirtDomainRef a = define("wire-a");
    const QVirtDomainRef b = define("wire-b");
    const QUrl uri(m_uri);
    const QString daemonSocket = QUrlQuery(uri).queryItemValue(QStringLiteral("socket"));
    QVERIFY2(QFileInfo::exists(daemonSocket), qPrintable(m_uri));
    RpcCutter relay(daemonSocket);
    QVERIFY2(relay.isListening(), qPrintable(relay.errorString()));

    QVirtConnection conn;
    conn.setKeepAliveInterval(0); // nothing but events may cross the relay
    QVERIFY2(conn.openBlocking(relay.proxiedUri(m_uri)), qPrintable(conn.errorString()));
    QVirtDomainEvents *eventsA = conn.domainEvents(a);
    QSignalSpy spyA(eventsA, &QVirtDomainEvents::domainLifecycle);

    // B's burst, then one cycle of A: returns the bytes the daemon sent
    // meanwhile, once A's two events are in.
    const auto burst = [&]() -> qint64 {
        const qint64 before = relay.bytesToClients();
        const qsizetype seen = spyA.size();
        for (int i = 0; i < 20; ++i) {
            if (!cycle(b))
                return -1;
        }
        if (!cycle(a) || !QTest::qWaitFor([&] { return spyA.size() == seen + 2; }, 10000))
            return -1;
        return relay.bytesToClients() - before;
    };
    const qint64 filtered = burst();
    QVERIFY(filtered > 0);

    QSignalSpy everyDomain(&conn, &QVirtConnection::domainLifecycle);
    const qint64 unfiltered = burst();
    QVERIFY(unfiltered > 0);
    QTRY_COMPARE_WITH_TIMEOUT(everyDomain.size(), 42, 10000);
    qInfo("daemon to client: %lld bytes for A's 2 events with A's filter, %lld for 40 of B's and "
          "A's 2 (twice, A's filter and every domain's) without one",
          filtered, unfiltered);
    // A's two events, each once: far less than one event per B cycle.
    QVERIFY2(filtered * 10 < unfiltered,
             qPrintable(QStringLiteral("%1 vs %2").arg(filtered).arg(unfiltered)));
    QCOMPARE(namesIn(spyA), QStringList(4, a.name()));
}

// One object per domain: libvirt refuses a second callback of the same
// function for the same domain and event on one connection, so a second
// object for the same domain received nothing. Asking again gives the same
// object; deleting it deregisters its callbacks, and the next request makes
// a new one that works.
void tst_OneDomainEvents::oneObjectPerDomainAndANewOneAfterDeletion()
{
    const QVirtDomainRef a = define("deleted-a");
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));
    QVirtDomainEvents *first = conn.domainEvents(a);
    QCOMPARE(conn.domainEvents(QVirtDomainRef(a.name(), QUuid())), first);
    int firstCalls = 0;
    connect(first, &QVirtDomainEvents::domainLifecycle, this, [&firstCalls] { ++firstCalls; });
    QSignalSpy spyFirst(first, &QVirtDomainEvents::domainLifecycle);
    QVERIFY(cycle(a));
    QTRY_COMPARE_WITH_TIMEOUT(spyFirst.size(), 2, 10000);
    QCOMPARE(firstCalls, 2);
    delete first;

    QVirtDomainEvents *second = conn.domainEvents(a);
    QVERIFY(second);
    QSignalSpy spySecond(second, &QVirtDomainEvents::domainLifecycle);
    QVERIFY(cycle(a));
    QTRY_COMPARE_WITH_TIMEOUT(spySecond.size(), 2, 10000);
    QCOMPARE(firstCalls, 2);
    // A close hands the callbacks to the connection's teardown; the object
    // stays, and is registered again at the next open.
    const QPointer<QVirtDomainEvents> guard(second);
    conn.close();
    QVERIFY(guard);
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));
    QVERIFY(cycle(a));
    QTRY_COMPARE_WITH_TIMEOUT(spySecond.size(), 4, 10000);
    QCOMPARE(namesIn(spySecond), QStringList(4, a.name()));
}

void tst_OneDomainEvents::invalidReferenceGivesNoObject()
{
    QVirtConnection conn;
    QCOMPARE(conn.domainEvents(QVirtDomainRef()), nullptr);
}

// QVirtDomainEvents reports a domain it
// cannot find as Qt's own devices report failures, with an Error value,
// error(), errorString() and errorOccurred(Error); it used to emit only a
// bare message. The three must agree when the signal comes, and finding
// the domain later (the next connect() to one of its signals) resets them.
void tst_OneDomainEvents::missingDomainIsLookupErrorUntilItExists()
{
    const QByteArray name = m_janitor.track(uniqueDomainName("later"));
    const QVirtDomainRef domain(QString::fromUtf8(name), QUuid());
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(m_uri), qPrintable(conn.errorString()));
    QVirtDomainEvents *events = conn.domainEvents(domain);
    QVERIFY(events);
    QCOMPARE(events->error(), QVirtDomainEvents::NoError);
    QList<QVirtDomainEvents::Error> seen;
    QStringList messages;
    connect(events, &QVirtDomainEvents::errorOccurred, this, [&] {
        seen.append(events->error());
        messages.append(events->errorString());
    });
    QSignalSpy errors(events, &QVirtDomainEvents::errorOccurred);
    QSignalSpy lifecycle(events, &QVirtDomainEvents::domainLifecycle);
    QVERIFY(errors.wait(10000));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<QVirtDomainEvents::Error>(), QVirtDomainEvents::LookupError);
    QCOMPARE(seen, QList<QVirtDomainEvents::Error>{QVirtDomainEvents::LookupError});
    // libvirt's message.
    QVERIFY(!messages.at(0).isEmpty());
    QCOMPARE(events->error(), QVirtDomainEvents::LookupError);
    QCOMPARE(events->errorString(), messages.at(0));

    // Defined now, it is found at the next connect(), and the error goes.
    const Domain dom(virDomainDefineXML(m_raw.get(), testDomainXml(name).constData()));
    QVERIFY2(dom, qPrintable(lastError()));
    QSignalSpy rebooted(events, &QVirtDomainEvents::domainRebooted);
    QCOMPARE(events->error(), QVirtDomainEvents::NoError);
    QCOMPARE(events->errorString(), QString());
    QVERIFY(cycle(domain));
    QTRY_COMPARE_WITH_TIMEOUT(lifecycle.size(), 2, 10000);
    QCOMPARE(errors.size(), 1);
}

QTEST_GUILESS_MAIN(tst_OneDomainEvents)
#include "tst_onedomainevents.moc"
