// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtDomainModel reports what it cannot read, where it used to log it
// only: a host with more domains than libvirt's RPC carries in one list
// (REMOTE_DOMAIN_LIST_MAX, 16,384, docs/libvirt-calls.md) fails the
// listing (virConnectGetAllDomainStats(): "Number of domain stats records
// is 16385, which exceeds max limit") and every statistics reading, while
// its connection stays open. The model showed an empty host, silently.
// A private instance of the test driver in the testbed's daemon (a
// test+unix:// URI naming a file of its own) holds those domains.

#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtTest/QTest>

#include <algorithm>
#include <cstdlib>
#include <utility>

#include <libvirt/libvirt.h>

namespace {

// One more than the RPC limit.
constexpr int DomainCount = 16385;
constexpr int StatsIntervalMs = 300;

struct Report
{
    QVirtDomainModel::Error error;
    QString message;
};

} // namespace

class tst_DomainModelErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void hostBeyondRpcLimitReportsListingAndStatistics();
};

void tst_DomainModelErrors::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
}

void tst_DomainModelErrors::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(10000)));
}

void tst_DomainModelErrors::hostBeyondRpcLimitReportsListingAndStatistics()
{
    const QString testUri = QString::fromLocal8Bit(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    QVERIFY(!testUri.isEmpty());
    const QString socket = QUrlQuery(QUrl(testUri)).queryItemValue(QStringLiteral("socket"));
    QVERIFY2(!socket.isEmpty(), qPrintable(testUri));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile node(dir.filePath(QStringLiteral("node.xml")));
    QVERIFY(node.open(QIODevice::WriteOnly));
    node.write("<node>\n");
    for (int i = 0; i < DomainCount; ++i)
        node.write("<domain type='test'><name>many-" + QByteArray::number(i)
                   + "</name><memory>8192</memory><os><type>hvm</type></os></domain>\n");
    node.write("</node>\n");
    node.close();

    // The daemon reads the file at open: several seconds for this many.
    QVirtConnection conn;
    QVERIFY2(
        conn.openBlocking(QStringLiteral("test+unix://%1?socket=%2").arg(node.fileName(), socket)),
        qPrintable(conn.errorString()));

    QVERIFY(!conn.hostName().isEmpty());
    // How long a statistics reading takes (and fails) here; the waits below
    // are made of it, so that they hold on a loaded machine too.
    QElapsedTimer timer;
    timer.start();
    virDomainStatsRecordPtr *records = nullptr;
    QCOMPARE(virConnectGetAllDomainStats(conn.handle(), VIR_DOMAIN_STATS_STATE, &records, 0), -1);
    const int readingMs = int(timer.elapsed());
    qInfo("a statistics reading takes %d ms", readingMs);

    QVirtDomainModel model;
    QList<Report> reports;
    connect(&model, &QVirtDomainModel::errorOccurred, &model, [&](QVirtDomainModel::Error error) {
        QCOMPARE(model.error(), error);
        reports.append(Report{error, model.errorString()});
    });
    model.setStatsInterval(StatsIntervalMs);
    model.addConnection(&conn);
    const auto count = [&reports](QVirtDomainModel::Error error) {
        return std::count_if(reports.cbegin(), reports.cend(),
                             [error](const Report &report) { return report.error == error; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(count(QVirtDomainModel::ListingError) == 1
                                 && count(QVirtDomainModel::StatisticsError) == 1,
                             30000);
    for (const Report &report : std::as_const(reports)) {
        QVERIFY2(report.message.contains(QLatin1String("16384")), qPrintable(report.message));
        // Which host, in words a user can act on.
        QVERIFY2(report.message.contains(conn.hostName()), qPrintable(report.message));
    }
    QCOMPARE(model.rowCount(), 0);

    // A statistics failure is reported once, not every interval: several
    // readings fail meanwhile.
    QTest::qWait(std::max(1500, 5 * (readingMs + StatsIntervalMs)));
    QCOMPARE(count(QVirtDomainModel::StatisticsError), 1);

    // Once a reading succeeds, the next failure is reported again. Nothing
    // shows the success (no row to refresh): it is given several times the
    // time a reading takes.
    virDomainPtr one = virDomainLookupByName(conn.handle(), "many-0");
    QVERIFY(one);
    char *xml = virDomainGetXMLDesc(one, 0);
    QVERIFY(xml);
    // The test driver runs the domains of its file: stopped first, the
    // domain is gone with its definition.
    QCOMPARE(virDomainDestroy(one), 0);
    QCOMPARE(virDomainUndefine(one), 0);
    virDomainFree(one);
    QTest::qWait(std::max(3000, 5 * (readingMs + StatsIntervalMs)));
    QCOMPARE(count(QVirtDomainModel::StatisticsError), 1);
    virDomainPtr again = virDomainDefineXML(conn.handle(), xml);
    std::free(xml);
    QVERIFY(again);
    virDomainFree(again);
    QTRY_COMPARE_WITH_TIMEOUT(count(QVirtDomainModel::StatisticsError), qsizetype(2), 20000);
    QCOMPARE(count(QVirtDomainModel::ListingError), 1);
}

QTEST_GUILESS_MAIN(tst_DomainModelErrors)
#include "tst_domainmodelerrors.moc"
