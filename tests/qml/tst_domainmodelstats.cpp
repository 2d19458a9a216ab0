// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtDomainModel's statsInterval against
// the testbed's QEMU guest. A VM manager shows each domain's CPU use,
// memory in use and disk and network rates, refreshed while it is on
// screen. The model had no statistics at all (its CPU column was always
// empty), and a manager had to poll libvirt domain by domain itself, as
// qt-virt-manager does. Here: with statsInterval 500 the figures appear and
// agree with `virsh domstats`; each connection's statistics end in exactly
// one dataChanged() per interval, covering whole rows, never one per cell
// or per role; and statsInterval 0 stops them.

#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QElapsedTimer>
#include <QtCore/QProcess>
#include <QtCore/QScopeGuard>
#include <QtCore/QStandardPaths>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <optional>

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

constexpr int IntervalMs = 500;

int rowOf(const QAbstractItemModel &model, const QString &name, int from = 0)
{
    for (int row = from; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(QVirtDomainModel::NameRole).toString() == name)
            return row;
    }
    return -1;
}

// `virsh domstats option name` as field=value pairs; empty after failing
// the test.
QHash<QString, QString> domstats(const QString &uri, const QString &name, const QString &option)
{
    const QString virsh = QStandardPaths::findExecutable(QStringLiteral("virsh"));
    if (virsh.isEmpty()) {
        QTest::qFail("virsh is not installed", __FILE__, __LINE__);
        return {};
    }
    QProcess process;
    process.start(virsh, {QStringLiteral("-c"), uri, QStringLiteral("domstats"), option, name});
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        QTest::qFail(process.readAllStandardError().constData(), __FILE__, __LINE__);
        return {};
    }
    QHash<QString, QString> fields;
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n');
    for (const QString &line : lines) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0)
            fields.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    return fields;
}

// The testbed's guest, started for the test unless it ran already, and
// destroyed again if the test started it.
class RunningGuest
{
public:
    RunningGuest(const QByteArray &uri, const QByteArray &name)
        : m_conn(virConnectOpen(uri.constData()))
    {
        if (!m_conn)
            return;
        m_dom = virDomainLookupByName(m_conn, name.constData());
        if (!m_dom)
            return;
        if (virDomainIsActive(m_dom) == 1) {
            m_ready = true;
            return;
        }
        m_started = virDomainCreate(m_dom) == 0;
        m_ready = m_started;
    }
    ~RunningGuest()
    {
        if (m_started)
            virDomainDestroy(m_dom);
        if (m_dom)
            virDomainFree(m_dom);
        if (m_conn)
            virConnectClose(m_conn);
    }
    Q_DISABLE_COPY_MOVE(RunningGuest)

    bool isReady() const { return m_ready; }

private:
    virConnectPtr m_conn = nullptr;
    virDomainPtr m_dom = nullptr;
    bool m_started = false;
    bool m_ready = false;
};

// The dataChanged() emissions of model that carry statistics.
struct StatsChange
{
    int first;
    int last;
    int lastColumn;
    bool carriesStatistics;
};

} // namespace

class tst_DomainModelStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void figuresAgreeWithDomstats();
    void oneDataChangedPerIntervalPerConnection();
    void zeroStopsStatistics();

private:
    QByteArray m_uri;
    QByteArray m_name;
    std::optional<RunningGuest> m_guest;
};

void tst_DomainModelStats::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_uri = QtVirtTest::testbedValue("QTVIRT_QEMU_URI");
    m_name = QtVirtTest::testbedValue("QTVIRT_TESTBED_DOMAIN");
    QVERIFY(!m_uri.isEmpty() && !m_name.isEmpty());
    m_guest.emplace(m_uri, m_name);
    QVERIFY2(m_guest->isReady(), virGetLastErrorMessage());
}

void tst_DomainModelStats::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_DomainModelStats::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

void tst_DomainModelStats::figuresAgreeWithDomstats()
{
    const QString uri = QString::fromUtf8(m_uri);
    const QString name = QString::fromUtf8(m_name);
    QVirtConnection connection;
    QVERIFY(connection.openBlocking(uri));
    QVirtDomainModel model;
    QCOMPARE(model.statsInterval(), 0);
    model.addConnection(&connection);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(model, name) >= 0, 10000);
    const int row = rowOf(model, name);
    const QModelIndex index = model.index(row, 0);
    QTRY_COMPARE(index.data(QVirtDomainModel::StateRole).toInt(), int(VIR_DOMAIN_RUNNING));
    // Off by default: nothing measured, an empty CPU cell.
    QVERIFY(!index.data(QVirtDomainModel::CpuPercentRole).isValid());
    QCOMPARE(model.index(row, QVirtDomainModel::CpuColumn).data().toString(), QString());

    QSignalSpy intervalChanged(&model, &QVirtDomainModel::statsIntervalChanged);
    model.setStatsInterval(IntervalMs);
    QCOMPARE(model.statsInterval(), IntervalMs);
    QCOMPARE(intervalChanged.count(), 1);
    model.setStatsInterval(IntervalMs);
    QCOMPARE(intervalChanged.count(), 1);

    // The second sample gives the first rates.
    QTRY_VERIFY_WITH_TIMEOUT(index.data(QVirtDomainModel::CpuPercentRole).isValid(), 10000);
    const uint vcpus = index.data(QVirtDomainModel::VcpusRole).toUInt();
    QVERIFY(vcpus > 0);
    // cpu.time is the CPU time of the guest's whole QEMU process, its
    // emulator thread included, so it may exceed the vCPUs' share by what
    // that thread does; it can never exceed all of the host's CPUs.
    const double hostLimit = 100.0 * QThread::idealThreadCount() / vcpus;
    for (int sample = 0; sample < 4; ++sample) {
        const QVariant cpu = index.data(QVirtDomainModel::CpuPercentRole);
        QCOMPARE(cpu.typeId(), QMetaType::Double);
        QVERIFY2(cpu.toDouble() >= 0.0 && cpu.toDouble() <= hostLimit,
                 qPrintable(QString::number(cpu.toDouble())));
        QCOMPARE(model.index(row, QVirtDomainModel::CpuColumn).data().toString(),
                 QLocale().toString(cpu.toDouble(), 'f', 1));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(changed.wait(10000));
    }

    // memoryUsed is balloon.rss: the resident set of the QEMU process,
    // which moves while the guest touches pages. Read it with virsh just
    // before and just after a sample: the sample lies between the two
    // readings. Both can move in either direction, so a slack of 1 MiB
    // (256 pages) is allowed beyond their range.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.wait(10000)); // a sample just ended: the next is ~500 ms away
    const QHash<QString, QString> before = domstats(uri, name, QStringLiteral("--balloon"));
    changed.clear();
    QVERIFY(changed.wait(10000));
    const quint64 used = index.data(QVirtDomainModel::MemoryUsedRole).toULongLong();
    const QHash<QString, QString> after = domstats(uri, name, QStringLiteral("--balloon"));
    QVERIFY(before.contains(QStringLiteral("balloon.rss")));
    QVERIFY(after.contains(QStringLiteral("balloon.rss")));
    const quint64 rssBefore = before.value(QStringLiteral("balloon.rss")).toULongLong();
    const quint64 rssAfter = after.value(QStringLiteral("balloon.rss")).toULongLong();
    constexpr quint64 SlackKiB = 1024;
    QVERIFY2(used + SlackKiB >= std::min(rssBefore, rssAfter)
                 && used <= std::max(rssBefore, rssAfter) + SlackKiB,
             qPrintable(QStringLiteral("model %1 KiB, virsh %2 and %3 KiB")
                            .arg(used)
                            .arg(rssBefore)
                            .arg(rssAfter)));
    // Memory and vCPUs come from the same call: balloon.current and
    // vcpu.current, which do not move while nothing changes them.
    QCOMPARE(index.data(QVirtDomainModel::MemoryRole).toULongLong(),
             after.value(QStringLiteral("balloon.current")).toULongLong());
    const QHash<QString, QString> vcpu = domstats(uri, name, QStringLiteral("--vcpu"));
    QCOMPARE(vcpus, vcpu.value(QStringLiteral("vcpu.current")).toUInt());

    // A rate exists for each kind of device the guest has, and is never
    // negative.
    const QHash<QString, QString> block = domstats(uri, name, QStringLiteral("--block"));
    const QHash<QString, QString> net = domstats(uri, name, QStringLiteral("--interface"));
    const bool hasDisks = block.value(QStringLiteral("block.count")).toUInt() > 0;
    const bool hasNics = net.value(QStringLiteral("net.count")).toUInt() > 0;
    const QList<std::pair<int, bool>> rates{
        {QVirtDomainModel::DiskReadRateRole, hasDisks},
        {QVirtDomainModel::DiskWriteRateRole, hasDisks},
        {QVirtDomainModel::NetRxRateRole, hasNics},
        {QVirtDomainModel::NetTxRateRole, hasNics},
    };
    for (const auto &[role, expected] : rates) {
        const QVariant rate = index.data(role);
        QCOMPARE(rate.isValid(), expected);
        if (expected)
            QVERIFY(rate.toDouble() >= 0.0);
    }
}

void tst_DomainModelStats::oneDataChangedPerIntervalPerConnection()
{
    // Two connections to the same daemon: the guest has a row on each.
    const QString uri = QString::fromUtf8(m_uri);
    const QString name = QString::fromUtf8(m_name);
    QVirtConnection first;
    QVirtConnection second;
    QVERIFY(first.openBlocking(uri));
    QVERIFY(second.openBlocking(uri));
    QVirtDomainModel model;
    model.addConnection(&first);
    model.addConnection(&second);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(model, name, rowOf(model, name) + 1) >= 0, 10000);
    const int firstRow = rowOf(model, name);
    const int secondRow = rowOf(model, name, firstRow + 1);
    model.setStatsInterval(IntervalMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        model.index(firstRow, 0).data(QVirtDomainModel::CpuPercentRole).isValid()
            && model.index(secondRow, 0).data(QVirtDomainModel::CpuPercentRole).isValid(),
        10000);

    // Every dataChanged() over ten intervals. The guest's CPU time grows
    // all the time, so each sample changes its figures.
    QList<StatsChange> changes;
    QObject context;
    connect(
        &model, &QAbstractItemModel::dataChanged, &context,
        [&](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
            changes.append({topLeft.row(), bottomRight.row(), bottomRight.column(),
                            roles.contains(QVirtDomainModel::CpuPercentRole)});
        });
    constexpr int Intervals = 10;
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(Intervals * IntervalMs);
    const qint64 elapsed = clock.elapsed();

    int ofFirst = 0;
    int ofSecond = 0;
    for (const StatsChange &change : changes) {
        // A whole row, every column, in one signal.
        QVERIFY(change.carriesStatistics);
        QCOMPARE(change.lastColumn, QVirtDomainModel::ColumnCount - 1);
        QCOMPARE(change.first, change.last);
        if (change.first == firstRow)
            ++ofFirst;
        else if (change.first == secondRow)
            ++ofSecond;
        else
            QFAIL("a row that is not the guest's changed");
    }
    // At most one per interval each (one more for a sample that was
    // already under way when counting started); a loaded machine may
    // delay a few, never all.
    const int most = static_cast<int>(elapsed / IntervalMs) + 1;
    QVERIFY2(
        ofFirst <= most && ofSecond <= most,
        qPrintable(QStringLiteral("%1 and %2 in %3 ms").arg(ofFirst).arg(ofSecond).arg(elapsed)));
    QVERIFY2(
        ofFirst >= Intervals / 2 && ofSecond >= Intervals / 2,
        qPrintable(QStringLiteral("%1 and %2 in %3 ms").arg(ofFirst).arg(ofSecond).arg(elapsed)));
}

void tst_DomainModelStats::zeroStopsStatistics()
{
    const QString name = QString::fromUtf8(m_name);
    QVirtConnection connection;
    QVERIFY(connection.openBlocking(QString::fromUtf8(m_uri)));
    QVirtDomainModel model;
    model.addConnection(&connection);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(model, name) >= 0, 10000);
    const QModelIndex index = model.index(rowOf(model, name), 0);
    model.setStatsInterval(IntervalMs);
    QTRY_VERIFY_WITH_TIMEOUT(index.data(QVirtDomainModel::CpuPercentRole).isValid(), 10000);

    // Stopping drops the figures with one dataChanged() at once ...
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy intervalChanged(&model, &QVirtDomainModel::statsIntervalChanged);
    model.setStatsInterval(0);
    QCOMPARE(intervalChanged.count(), 1);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!index.data(QVirtDomainModel::CpuPercentRole).isValid());
    QVERIFY(!index.data(QVirtDomainModel::MemoryUsedRole).isValid());
    // ... and nothing follows: no sample, not even one under way then.
    QTest::qWait(6 * IntervalMs);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!index.data(QVirtDomainModel::CpuPercentRole).isValid());

    // On again, it starts again.
    model.setStatsInterval(IntervalMs);
    QTRY_VERIFY_WITH_TIMEOUT(index.data(QVirtDomainModel::CpuPercentRole).isValid(), 10000);
}

QTEST_GUILESS_MAIN(tst_DomainModelStats)
#include "tst_domainmodelstats.moc"
