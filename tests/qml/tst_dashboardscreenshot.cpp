// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The qml-dashboard example's window, rendered offscreen against the
// testbed: saved as a PNG in the build directory, not blank, and showing
// the domains of the test driver and of the QEMU driver (the tiny VM).

#include "domainfacts.h"
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtGui/QImage>
#include <QtQml/QQmlApplicationEngine>
#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <algorithm>
#include <cmath>

using namespace QtVirtIntegration;

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

// The texts of the delegates' name labels that lie inside the window.
void collectShownNames(const QQuickItem *item, const QQuickWindow *window, QStringList *names)
{
    if (!item->isVisible())
        return;
    if (item->objectName() == QLatin1String("domainName")) {
        const QRectF onWindow = item->mapRectToScene(item->boundingRect());
        if (QRectF(QPointF(0, 0), window->size()).contains(onWindow))
            names->append(item->property("text").toString());
    }
    const QList<QQuickItem *> children = item->childItems();
    for (const QQuickItem *child : children)
        collectShownNames(child, window, names);
}

// The standard deviation of the pixels' grey values: 0 for a blank image.
double greyDeviation(const QImage &image)
{
    double sum = 0;
    double squares = 0;
    const double count = double(image.width()) * image.height();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const double grey = qGray(image.pixel(x, y));
            sum += grey;
            squares += grey * grey;
        }
    }
    const double mean = sum / count;
    return std::sqrt(squares / count - mean * mean);
}

} // namespace

class tst_DashboardScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void showsTheDomainsOfTheTestbed();

private:
    Connection m_ops;
};

void tst_DashboardScreenshot::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_ops = openTestConnection();
    QVERIFY(m_ops);
}

void tst_DashboardScreenshot::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_DashboardScreenshot::showsTheDomainsOfTheTestbed()
{
    DomainJanitor janitor;
    const QByteArray running = janitor.track(uniqueDomainName("dashboard-running"));
    const QByteArray stopped = janitor.track(uniqueDomainName("dashboard-stopped"));
    const Domain runningDom(virDomainDefineXML(m_ops.get(), testDomainXml(running).constData()));
    const Domain stoppedDom(virDomainDefineXML(m_ops.get(), testDomainXml(stopped).constData()));
    QVERIFY2(runningDom && stoppedDom, qPrintable(lastError()));
    QVERIFY2(virDomainCreate(runningDom.get()) == 0, qPrintable(lastError()));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral(QTVIRT_QML_BUILD_IMPORT_PATH));
    // Both of the testbed's drivers, as the example shows them by default.
    const QByteArray qemuUri = QtVirtTest::testbedValue("QTVIRT_QEMU_URI");
    const Connection qemu(virConnectOpen(qemuUri.constData()));
    QVERIFY2(qemu, qPrintable(lastError()));
    const auto listedByBoth = [&](DomainFacts::Detail detail) {
        QList<DomainFacts::Facts> facts
            = DomainFacts::listed(m_ops.get(), detail) + DomainFacts::listed(qemu.get(), detail);
        std::sort(facts.begin(), facts.end(),
                  [](const DomainFacts::Facts &a, const DomainFacts::Facts &b) {
                      return a.name < b.name;
                  });
        return facts;
    };
    engine.setInitialProperties(
        {{QStringLiteral("uris"),
          QStringList{QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI")),
                      QString::fromUtf8(qemuUri)}}});
    engine.load(QUrl::fromLocalFile(QStringLiteral(QTVIRT_DASHBOARD_QML)));
    QCOMPARE(engine.rootObjects().size(), 1);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    QVERIFY(window);
    auto *model
        = qobject_cast<QVirtDomainModel *>(window->property("domainModel").value<QObject *>());
    QVERIFY(model);

    // The model that drives the view holds what libvirt lists...
    QTRY_COMPARE(DomainFacts::shown(*model, DomainFacts::Detail::Full),
                 listedByBoth(DomainFacts::Detail::Full));
    // ...and the view shows it.
    QStringList expected;
    for (const DomainFacts::Facts &facts : listedByBoth(DomainFacts::Detail::Lifecycle))
        expected.append(facts.name);
    QVERIFY(
        expected.contains(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TESTBED_DOMAIN"))));
    QVERIFY(expected.contains(QString::fromUtf8(running)));
    QVERIFY(expected.contains(QString::fromUtf8(stopped)));
    QStringList shown;
    QTRY_VERIFY_WITH_TIMEOUT(
        (shown.clear(), collectShownNames(window->contentItem(), window, &shown),
         std::all_of(expected.cbegin(), expected.cend(),
                     [&](const QString &name) { return shown.contains(name); })),
        10000);

    const QImage image = window->grabWindow();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), window->size() * window->devicePixelRatio());
    const QString path
        = QStringLiteral(QTVIRT_SCREENSHOT_DIR "/dashboard-%1.png")
              .arg(qEnvironmentVariable("QTVIRT_EXPECT_DISPATCHER", QStringLiteral("manual")));
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
    // Text, buttons and state dots on a plain background.
    const double deviation = greyDeviation(image);
    QVERIFY2(deviation > 10, qPrintable(QStringLiteral("grey deviation %1").arg(deviation)));

    QVERIFY(virDomainDestroy(runningDom.get()) == 0);
    QVERIFY(virDomainUndefine(runningDom.get()) == 0);
    QVERIFY(virDomainUndefine(stoppedDom.get()) == 0);
}

QTEST_MAIN(tst_DashboardScreenshot)
#include "tst_dashboardscreenshot.moc"
