// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The qml-dashboard example's window as a user sees it, a real window on an
// X server of the test's own (Xvfb, Qt's xcb platform) against the
// testbed: saved as a PNG in the build directory, not blank, showing the
// domains of the test driver and of the QEMU driver (the tiny VM), and
// starting the QEMU guest from its card by a mouse click.

#include "domainfacts.h"
#include "integrationsupport.h"
#include "testsupport.h"
#include "xvfbserver.h"

#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QScopeGuard>
#include <QtGui/QGuiApplication>
#include <QtGui/QImage>
#include <QtQml/QQmlApplicationEngine>
#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

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

// Whether the window shows the card of the domain name once its row is
// scrolled into the list's view.
bool shownAfterScrolling(QQuickWindow *window, QQuickItem *list, const QVirtDomainModel &model,
                         const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(QVirtDomainModel::NameRole).toString() != name)
            continue;
        // ListView.Contain (Beginning, Center, End, Visible, Contain, ...)
        constexpr int Contain = 4;
        QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, row),
                                  Q_ARG(int, Contain));
        QStringList shown;
        collectShownNames(window->contentItem(), window, &shown);
        return shown.contains(name);
    }
    return false;
}

// The first item under item (item included) whose property key is value.
QQuickItem *findItem(QQuickItem *item, const char *key, const QVariant &value)
{
    if (item->property(key) == value)
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, key, value))
            return found;
    }
    return nullptr;
}

// The card (DomainCard.qml) of the domain name: the item with the card's
// own properties whose name is name.
QQuickItem *findCard(QQuickItem *item, const QString &name)
{
    if (item->property("screenGeneration").isValid() && item->property("name") == name)
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findCard(child, name))
            return found;
    }
    return nullptr;
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
    void startFromCardShowsRunningAndScreen();

private:
    Connection m_ops;
};

void tst_DashboardScreenshot::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
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
    // The list makes cards only for the rows in sight: each name is looked
    // for with its row scrolled into the window.
    auto *list = window->findChild<QQuickItem *>(QStringLiteral("domainList"));
    QVERIFY(list);
    for (const QString &name : std::as_const(expected)) {
        QTRY_VERIFY_WITH_TIMEOUT(shownAfterScrolling(window, list, *model, name), 10000);
    }

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

// The dashboard as a real window. A user starts a guest
// by clicking the Start button of its card; the card must then show the
// state Running and, as a thumbnail, the guest's screen (image://qtvirt/,
// which shows the VGA text screen of the testbed's QEMU guest). Before, the
// dashboard had no cards, no thumbnails and no busy state, and had never
// been clicked in a real window.
void tst_DashboardScreenshot::startFromCardShowsRunningAndScreen()
{
    const QByteArray qemuUri = QtVirtTest::testbedValue("QTVIRT_QEMU_URI");
    const QString guest = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TESTBED_DOMAIN"));
    const Connection qemu(virConnectOpen(qemuUri.constData()));
    QVERIFY2(qemu, qPrintable(lastError()));
    const Domain dom(virDomainLookupByName(qemu.get(), guest.toUtf8().constData()));
    QVERIFY2(dom, qPrintable(lastError()));
    // Not running, whatever an earlier test left (an error is fine).
    virDomainDestroy(dom.get());
    const auto stopGuest = qScopeGuard([&dom] { virDomainDestroy(dom.get()); });

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral(QTVIRT_QML_BUILD_IMPORT_PATH));
    engine.setInitialProperties(
        {{QStringLiteral("uris"), QStringList{QString::fromUtf8(qemuUri)}}});
    engine.load(QUrl::fromLocalFile(QStringLiteral(QTVIRT_DASHBOARD_QML)));
    QCOMPARE(engine.rootObjects().size(), 1);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));

    QQuickItem *card = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((card = findCard(window->contentItem(), guest)) != nullptr, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(card->property("domainState").toInt(), int(QVirtDomainModel::ShutOff),
                              10000);
    QQuickItem *start = findItem(card, "objectName", QStringLiteral("startButton"));
    QVERIFY(start);
    QTRY_VERIFY(start->isVisible() && start->isEnabled());
    const QPointF centre = start->mapToScene(QPointF(start->width() / 2, start->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());

    QTRY_COMPARE_WITH_TIMEOUT(card->property("domainState").toInt(), int(QVirtDomainModel::Running),
                              15000);
    QQuickItem *state = findItem(card, "objectName", QStringLiteral("domainState"));
    QVERIFY(state);
    QCOMPARE(state->property("text").toString(), QStringLiteral("Running"));
    QTRY_VERIFY_WITH_TIMEOUT(!card->property("busy").toBool(), 15000);
    QCOMPARE(card->property("error").toString(), QString());

    // The thumbnail: the guest's screen, refreshed every few seconds while
    // it runs (the second one, taken when the guest had time to draw).
    QQuickItem *thumbnail = findItem(card, "objectName", QStringLiteral("thumbnail"));
    QVERIFY(thumbnail);
    QTRY_VERIFY_WITH_TIMEOUT(thumbnail->isVisible()
                                 && thumbnail->property("status").toInt() == 1 // Image.Ready
                                 && card->property("screenGeneration").toInt() >= 2,
                             15000);
    // The loaded image, scaled by the provider to the card's width.
    const QSizeF shot(thumbnail->implicitWidth(), thumbnail->implicitHeight());
    QVERIFY2(shot.width() > 0 && shot.height() > 0,
             qPrintable(QStringLiteral("%1x%2").arg(shot.width()).arg(shot.height())));
    // The guest's text screen is drawn (not one colour) inside the
    // thumbnail's area of the window.
    const QImage image = window->grabWindow();
    const QRectF area = thumbnail->mapRectToScene(thumbnail->boundingRect());
    const QImage screen = image.copy((QRectF(area.topLeft() * window->devicePixelRatio(),
                                             area.size() * window->devicePixelRatio()))
                                         .toRect());
    const double deviation = greyDeviation(screen);
    const QString path
        = QStringLiteral(QTVIRT_SCREENSHOT_DIR "/dashboard-started-%1.png")
              .arg(qEnvironmentVariable("QTVIRT_EXPECT_DISPATCHER", QStringLiteral("manual")));
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo("screenshot: %s, thumbnail grey deviation %.1f", qPrintable(path), deviation);
    QVERIFY2(deviation > 5, qPrintable(QStringLiteral("grey deviation %1").arg(deviation)));
}

int main(int argc, char **argv)
{
    XvfbServer xvfb;
    const QByteArray error = xvfb.start();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "tst_dashboardscreenshot: %s\n", error.constData());
        return 1;
    }
    QGuiApplication app(argc, argv);
    tst_DashboardScreenshot test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_dashboardscreenshot.moc"
