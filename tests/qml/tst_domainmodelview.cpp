// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A Qt Widgets program shows QVirtDomainModel in a
// QTableView as it is, without QML. Before, the only domain model lived
// inside the QML plugin as a one-column list whose headers were not
// installed, so a Widgets VM manager could not list domains through QtVirt
// at all. Here a QTableView (offscreen) shows the columns Name, State,
// CPU %, Memory, vCPUs and Host with translated titles, each cell's text
// matches what libvirt lists, and a QSortFilterProxyModel sorts by the
// model's SortRole.

#include "domainfacts.h"
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QLocale>
#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QTranslator>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QTableView>

#include <libvirt/virterror.h>

using namespace QtVirtIntegration;
using DomainFacts::Detail;

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

// The row of the domain called name in model, or -1.
int rowOf(const QAbstractItemModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, QVirtDomainModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

QStringList headerTitles(const QAbstractItemModel &model)
{
    QStringList titles;
    for (int column = 0; column < model.columnCount(); ++column)
        titles.append(model.headerData(column, Qt::Horizontal).toString());
    return titles;
}

} // namespace

class tst_DomainModelView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void tableViewShowsTheColumns();
    void proxySortsBySortRole();
    void headerTitlesAreTranslated();

private:
    QByteArray m_uri;
    Connection m_ops;
};

void tst_DomainModelView::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_uri = QtVirtTest::testbedValue("QTVIRT_TEST_URI");
    QVERIFY(!m_uri.isEmpty());
    m_ops = openTestConnection();
    QVERIFY(m_ops);
}

void tst_DomainModelView::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_DomainModelView::tableViewShowsTheColumns()
{
    QVirtConnection connection;
    QVERIFY(connection.openBlocking(QString::fromUtf8(m_uri)));
    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("tableview"));
    const Domain dom(virDomainDefineXML(m_ops.get(), testDomainXml(name).constData()));
    QVERIFY2(dom, qPrintable(lastError()));
    QVERIFY2(virDomainCreate(dom.get()) == 0, qPrintable(lastError()));

    QVirtDomainModel model;
    model.addConnection(&connection);
    QTableView view;
    view.setModel(&model);
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(DomainFacts::shown(model, Detail::Full),
                 DomainFacts::listed(m_ops.get(), Detail::Full));

    QCOMPARE(view.horizontalHeader()->count(), 6);
    QCOMPARE(
        headerTitles(model),
        QStringList({QStringLiteral("Name"), QStringLiteral("State"), QStringLiteral("CPU %"),
                     QStringLiteral("Memory"), QStringLiteral("vCPUs"), QStringLiteral("Host")}));

    const int row = rowOf(model, QString::fromUtf8(name));
    QVERIFY(row >= 0);
    const QList<DomainFacts::Facts> listed = DomainFacts::listed(m_ops.get(), Detail::Full);
    const auto facts = std::find_if(listed.cbegin(), listed.cend(), [&](const auto &f) {
        return f.name == QString::fromUtf8(name);
    });
    QVERIFY(facts != listed.cend());
    QCOMPARE(facts->state, int(VIR_DOMAIN_RUNNING));
    QCOMPARE(facts->memoryKiB, 8192u);
    const auto text = [&](int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(text(QVirtDomainModel::NameColumn), QString::fromUtf8(name));
    QCOMPARE(text(QVirtDomainModel::StateColumn), QStringLiteral("Running"));
    QCOMPARE(text(QVirtDomainModel::MemoryColumn),
             QLocale().formattedDataSize(qint64(facts->memoryKiB) * 1024, 1));
    QCOMPARE(text(QVirtDomainModel::VcpusColumn), QString::number(facts->vcpus));
    QVERIFY(!connection.hostName().isEmpty());
    QCOMPARE(text(QVirtDomainModel::HostColumn), connection.hostName());

    // Every column has room on screen, and the domain's row is laid out.
    view.resizeColumnsToContents();
    for (int column = 0; column < QVirtDomainModel::ColumnCount; ++column) {
        QVERIFY2(!view.isColumnHidden(column) && view.columnWidth(column) > 0,
                 qPrintable(QString::number(column)));
    }
    QVERIFY(view.visualRect(model.index(row, QVirtDomainModel::NameColumn)).isValid());
    QVERIFY(!view.grab().isNull());

    // A change reaches the view's cells, not only the roles on column 0.
    QVERIFY2(virDomainSuspend(dom.get()) == 0, qPrintable(lastError()));
    QTRY_COMPARE(text(QVirtDomainModel::StateColumn), QStringLiteral("Paused"));
    QCOMPARE(model.index(row, QVirtDomainModel::StateColumn).data(QVirtDomainModel::SortRole),
             QVariant(int(VIR_DOMAIN_PAUSED)));
    QVERIFY(virDomainDestroy(dom.get()) == 0);
    QVERIFY(virDomainUndefine(dom.get()) == 0);
}

void tst_DomainModelView::proxySortsBySortRole()
{
    QVirtConnection connection;
    QVERIFY(connection.openBlocking(QString::fromUtf8(m_uri)));
    DomainJanitor janitor;
    // Names that sort the other way round from their memory sizes.
    const QByteArray small = janitor.track(uniqueDomainName("sort-b"));
    const QByteArray large = janitor.track(uniqueDomainName("sort-a"));
    const Domain smallDom(virDomainDefineXML(m_ops.get(), testDomainXml(small).constData()));
    const QByteArray largeXml = testDomainXml(large).replace("8192", "65536");
    const Domain largeDom(virDomainDefineXML(m_ops.get(), largeXml.constData()));
    QVERIFY2(smallDom && largeDom, qPrintable(lastError()));

    QVirtDomainModel model;
    model.addConnection(&connection);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(QVirtDomainModel::SortRole);
    QTRY_COMPARE(DomainFacts::shown(model, Detail::Full),
                 DomainFacts::listed(m_ops.get(), Detail::Full));

    proxy.sort(QVirtDomainModel::MemoryColumn, Qt::AscendingOrder);
    QVERIFY(rowOf(proxy, QString::fromUtf8(small)) < rowOf(proxy, QString::fromUtf8(large)));
    for (int row = 1; row < proxy.rowCount(); ++row) {
        const auto memory = [&](int r) {
            return proxy.index(r, QVirtDomainModel::MemoryColumn)
                .data(QVirtDomainModel::SortRole)
                .toULongLong();
        };
        QVERIFY(memory(row - 1) <= memory(row));
    }
    proxy.sort(QVirtDomainModel::NameColumn, Qt::AscendingOrder);
    QVERIFY(rowOf(proxy, QString::fromUtf8(large)) < rowOf(proxy, QString::fromUtf8(small)));
    QVERIFY(virDomainUndefine(smallDom.get()) == 0);
    QVERIFY(virDomainUndefine(largeDom.get()) == 0);
}

void tst_DomainModelView::headerTitlesAreTranslated()
{
    QVirtDomainModel model;
    QTranslator german;
    QVERIFY(german.load(QLocale(QLocale::German), QStringLiteral("qtvirt"), QStringLiteral("_"),
                        QStringLiteral(":/qtvirt/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&german));
    const QStringList translated = headerTitles(model);
    QCoreApplication::removeTranslator(&german);
    QCOMPARE(
        translated,
        QStringList({QStringLiteral("Name"), QStringLiteral("Zustand"), QStringLiteral("CPU-Last"),
                     QStringLiteral("Speicher"), QStringLiteral("vCPUs"), QStringLiteral("Host")}));
    // And back once the translator is gone.
    QCOMPARE(headerTitles(model).at(QVirtDomainModel::StateColumn), QStringLiteral("State"));
}

QTEST_MAIN(tst_DomainModelView)
#include "tst_domainmodelview.moc"
