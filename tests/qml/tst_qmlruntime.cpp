// SPDX-License-Identifier: LGPL-2.1-or-later
//
// `import QtVirt` from plain QML, run by Qt's own `qml` tool: a program
// with no C++ of its own, which therefore never calls
// QtVirtEventImpl::registerImpl().

#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFileInfo>
#include <QtCore/QLibraryInfo>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtQml/QQmlComponent>
#include <QtQml/QQmlEngine>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <memory>

using namespace QtVirtIntegration;

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

QString qmlTool()
{
    return QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/qml");
}

// What tests/qml/runtime/domainwatch.qml prints for a domain in a state.
QString rowLine(const QByteArray &name, QVirtDomainModel::State state)
{
    return QStringLiteral("qtvirt-row %1 %2").arg(QString::fromUtf8(name)).arg(int(state));
}

} // namespace

class tst_QmlRuntime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void buildTreeModuleReceivesEvents();
    void installedModuleReceivesEvents();
    void dashboardRunsWithoutMessages();
    // Last: it binds libvirt's event loop of this process to a thread.
    void loopBoundElsewhereIsReported();
    void cleanupTestCase();

private:
    void watchDomainStart(const QString &importPath);

    Connection m_ops;
    QThread m_loopThread;
};

void tst_QmlRuntime::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    QVERIFY2(QFileInfo(qmlTool()).isExecutable(),
             qPrintable(qmlTool() + QStringLiteral(" is missing (Debian package qml-qt6)")));
    m_ops = openTestConnection();
    QVERIFY(m_ops);
}

void tst_QmlRuntime::init()
{
    QtVirtTest::failOnAnyWarning();
}

// Runs domainwatch.qml in the `qml` tool with importPath as its only import
// path, starts a domain and waits for the QML model to show it running.
void tst_QmlRuntime::watchDomainStart(const QString &importPath)
{
    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("qmlruntime"));
    const Domain dom(virDomainDefineXML(m_ops.get(), testDomainXml(name).constData()));
    QVERIFY2(dom, qPrintable(lastError()));

    QProcess qml;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QML_IMPORT_PATH"), importPath);
    env.remove(QStringLiteral("QML2_IMPORT_PATH"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The category names every line, so that a qtvirt.* warning is seen.
    env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{category}: %{message}"));
    qml.setProcessEnvironment(env);
    qml.setProcessChannelMode(QProcess::MergedChannels);
    QString output;
    connect(&qml, &QProcess::readyRead, this, [&] { output += QString::fromUtf8(qml.readAll()); });
    qml.start(qmlTool(),
              {QStringLiteral(QTVIRT_QML_RUNTIME_DIR "/domainwatch.qml"), QStringLiteral("--"),
               QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"))});
    QVERIFY2(qml.waitForStarted(), qPrintable(qml.errorString()));
    const auto stop = qScopeGuard([&] {
        qml.kill();
        qml.waitForFinished();
    });

    // Listed once the connection opened: that works without an event loop.
    QTRY_VERIFY2_WITH_TIMEOUT(output.contains(rowLine(name, QVirtDomainModel::ShutOff)),
                              qPrintable(output), 15000);
    QVERIFY2(virDomainCreate(dom.get()) == 0, qPrintable(lastError()));
    // Without an event loop libvirt delivers no domain
    // event, so the model stayed at "shut off" for ever and nothing said
    // why. Importing QtVirt now registers the loop in the engine's thread.
    QTRY_VERIFY2_WITH_TIMEOUT(output.contains(rowLine(name, QVirtDomainModel::Running)),
                              qPrintable(output), 10000);
    // And it did so quietly: no qtvirt.* warning about a missing loop.
    static const QRegularExpression qtvirtWarning(QStringLiteral("^qtvirt\\.[a-z]+: "),
                                                  QRegularExpression::MultilineOption);
    QVERIFY2(!output.contains(qtvirtWarning), qPrintable(output));
    QCOMPARE(qml.state(), QProcess::Running);
}

// The module from the build tree, through QML_IMPORT_PATH.
void tst_QmlRuntime::buildTreeModuleReceivesEvents()
{
    watchDomainStart(QStringLiteral(QTVIRT_QML_BUILD_IMPORT_PATH));
}

// The module as installed (qmldir, plugin and libraries
// in a prefix, nothing from the build tree), as a user of a package has it.
void tst_QmlRuntime::installedModuleReceivesEvents()
{
    const QTemporaryDir prefix;
    QVERIFY(prefix.isValid());
    QProcess install;
    install.setProcessChannelMode(QProcess::MergedChannels);
    install.start(QStringLiteral(QTVIRT_CMAKE_COMMAND),
                  {QStringLiteral("--install"), QStringLiteral(QTVIRT_BUILD_DIR),
                   QStringLiteral("--prefix"), prefix.path()});
    QVERIFY(install.waitForFinished(60000));
    QVERIFY2(install.exitStatus() == QProcess::NormalExit && install.exitCode() == 0,
             install.readAll().constData());

    QString importPath;
    QDirIterator it(prefix.path(), {QStringLiteral("qmldir")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo qmldir(it.next());
        if (qmldir.dir().dirName() == QLatin1String("QtVirt"))
            importPath = QFileInfo(qmldir.dir().absolutePath()).absolutePath();
    }
    QVERIFY2(!importPath.isEmpty(), "the installed tree has no QtVirt/qmldir");
    watchDomainStart(importPath);
}

// The qml-dashboard example through the `qml` tool, as README shows it: it
// lists the testbed's domains, each host a section, and says nothing. A
// QML error (a delegate that cannot be made, a failed binding) is printed
// by the engine and nowhere else: the ListView's section headings, for
// one, failed with "Component is not ready" under Qt 6.4 while the window
// looked right but for its headings.
void tst_QmlRuntime::dashboardRunsWithoutMessages()
{
    // Qt warns when XDG_RUNTIME_DIR is unset, as it is for root here.
    const QTemporaryDir runtimeDir;
    QVERIFY(runtimeDir.isValid());
    QProcess qml;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{category}: %{message}"));
    qml.setProcessEnvironment(env);
    qml.setProcessChannelMode(QProcess::MergedChannels);
    qml.start(qmlTool(),
              {QStringLiteral("-I"), QStringLiteral(QTVIRT_QML_BUILD_IMPORT_PATH),
               QStringLiteral(QTVIRT_DASHBOARD_QML), QStringLiteral("--"),
               QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"))});
    QVERIFY2(qml.waitForStarted(), qPrintable(qml.errorString()));
    const auto stop = qScopeGuard([&] {
        qml.kill();
        qml.waitForFinished();
    });
    // Time to open the connection, list, make the cards and take the
    // running domain's screenshot.
    QTest::qWait(4000);
    QCOMPARE(qml.state(), QProcess::Running);
    const QByteArray output = qml.readAll();
    QVERIFY2(output.isEmpty(), output.constData());
}

// When the plugin cannot register the loop in the
// engine's thread (here because libvirt's loop is already bound to another
// thread, which libvirt cannot undo), importing QtVirt says so on
// qtvirt.qml with what to do, and says it once, however many engines
// import the module; before, the model silently stayed as first listed.
void tst_QmlRuntime::loopBoundElsewhereIsReported()
{
    m_loopThread.start();
    auto *context = new QObject;
    context->moveToThread(&m_loopThread);
    connect(&m_loopThread, &QThread::finished, context, &QObject::deleteLater);
    bool registered = false;
    QMetaObject::invokeMethod(
        context, [&] { registered = QtVirtEventImpl::registerImpl(); },
        Qt::BlockingQueuedConnection);
    QVERIFY(registered);

    // registerImpl()'s own reason, then the module's advice.
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("^registerImpl\\(\\): .*another thread")));
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("^import QtVirt: .*registerImpl\\(\\)")));
    for (int i = 0; i < 2; ++i) {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral(QTVIRT_QML_BUILD_IMPORT_PATH));
        QQmlComponent component(&engine);
        component.setData("import QtQml\nimport QtVirt\nQtObject { }\n",
                          QUrl(QStringLiteral("import.qml")));
        QVERIFY2(component.isReady(), qPrintable(component.errorString()));
        const std::unique_ptr<QObject> root(component.create());
        QVERIFY(root);
    }
}

void tst_QmlRuntime::cleanupTestCase()
{
    m_loopThread.quit();
    m_loopThread.wait();
}

QTEST_GUILESS_MAIN(tst_QmlRuntime)
#include "tst_qmlruntime.moc"
