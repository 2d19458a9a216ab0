// SPDX-License-Identifier: LGPL-2.1-or-later
//
// `import QtVirt` in a QML engine: properties bound to Connection and
// DomainModel follow the testbed, and an Instantiator over the model
// creates one object per domain.

#include "domainfacts.h"
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QTemporaryDir>
#include <QtQml/QQmlComponent>
#include <QtQml/QQmlEngine>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <algorithm>
#include <memory>

using namespace QtVirtIntegration;

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

const char *const Snippet = R"(
import QtQml
import QtVirt

QtObject {
    id: root

    required property string uri

    property Connection connection: Connection { uri: root.uri }
    property DomainModel model: DomainModel { connections: [root.connection] }

    readonly property bool open: connection.isOpen
    readonly property string host: connection.hostName
    readonly property int count: model.count
    readonly property int instantiated: rows.count
    // The enums of QVirtDomainModel, through the QML type.
    readonly property int runningState: DomainModel.Running
    readonly property int memoryColumn: DomainModel.MemoryColumn

    property Instantiator rows: Instantiator {
        id: rows
        model: root.model
        delegate: QtObject {
            required property string name
            required property string stateText
            required property bool persistent
        }
    }

    function names() {
        let result = [];
        for (let i = 0; i < rows.count; ++i)
            result.push(rows.objectAt(i).name);
        return result.sort();
    }
}
)";

QStringList listedNames(virConnectPtr conn)
{
    QStringList names;
    for (const DomainFacts::Facts &facts :
         DomainFacts::listed(conn, DomainFacts::Detail::Lifecycle))
        names.append(facts.name);
    std::sort(names.begin(), names.end());
    return names;
}

// Connection reports a failed open with an
// Error value (QVirtConnection::Error) beside the message. QML must see
// both: as the argument of onErrorOccurred, with errorString readable
// there, and as properties whose bindings follow a failure and the reset
// that a successful open brings.
const char *const ErrorSnippet = R"(
import QtQml
import QtVirt

Connection {
    id: conn

    readonly property int boundError: conn.error
    readonly property string boundMessage: conn.errorString
    property int signalled: -1
    property string messageAtSignal
    readonly property int openError: Connection.OpenError
    readonly property int noError: Connection.NoError

    onErrorOccurred: (error) => {
        signalled = error;
        messageAtSignal = conn.errorString;
    }
}
)";

} // namespace

class tst_QmlBinding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void propertiesFollowConnectionAndModel();
    void connectionErrorReachesQml();

private:
    Connection m_ops;
};

void tst_QmlBinding::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_ops = openTestConnection();
    QVERIFY(m_ops);
}

void tst_QmlBinding::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_QmlBinding::propertiesFollowConnectionAndModel()
{
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral(QTVIRT_QML_BUILD_IMPORT_PATH));
    QQmlComponent component(&engine);
    component.setData(Snippet, QUrl(QStringLiteral("snippet.qml")));
    QVERIFY2(component.isReady(), qPrintable(component.errorString()));
    const QString uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    const std::unique_ptr<QObject> root(
        component.createWithInitialProperties({{QStringLiteral("uri"), uri}}));
    QVERIFY2(root, qPrintable(component.errorString()));

    const auto names = [&] {
        QVariant result;
        QMetaObject::invokeMethod(root.get(), "names", Q_RETURN_ARG(QVariant, result));
        return result.toStringList();
    };
    // QML's DomainModel is QtVirtCore's public
    // QVirtDomainModel (it was a private class of the plugin), with its
    // enums.
    auto *model = qobject_cast<QVirtDomainModel *>(root->property("model").value<QObject *>());
    QVERIFY(model);
    QCOMPARE(root->property("runningState").toInt(), int(QVirtDomainModel::Running));
    QCOMPARE(root->property("memoryColumn").toInt(), int(QVirtDomainModel::MemoryColumn));
    QTRY_VERIFY(root->property("open").toBool());
    QVERIFY(!root->property("host").toString().isEmpty());
    QTRY_COMPARE(names(), listedNames(m_ops.get()));
    QCOMPARE(root->property("count").toInt(), names().size());

    DomainJanitor janitor;
    const QByteArray name = janitor.track(uniqueDomainName("qml"));
    const Domain dom(virDomainDefineXML(m_ops.get(), testDomainXml(name).constData()));
    QVERIFY2(dom, qPrintable(lastError()));
    QTRY_VERIFY(names().contains(QString::fromUtf8(name)));
    QCOMPARE(names(), listedNames(m_ops.get()));
    QCOMPARE(root->property("count").toInt(), root->property("instantiated").toInt());
    QVERIFY(virDomainUndefine(dom.get()) == 0);
    QTRY_VERIFY(!names().contains(QString::fromUtf8(name)));

    // An empty URI closes the connection, and the model empties with it.
    auto *connection = root->property("connection").value<QObject *>();
    QVERIFY(connection);
    QVERIFY(connection->setProperty("uri", QString()));
    QTRY_VERIFY(!root->property("open").toBool());
    QTRY_COMPARE(root->property("count").toInt(), 0);
    QCOMPARE(root->property("instantiated").toInt(), 0);

    QVERIFY(connection->setProperty("uri", uri));
    QTRY_VERIFY(root->property("open").toBool());
    QTRY_COMPARE(names(), listedNames(m_ops.get()));
}

void tst_QmlBinding::connectionErrorReachesQml()
{
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral(QTVIRT_QML_BUILD_IMPORT_PATH));
    QQmlComponent component(&engine);
    component.setData(ErrorSnippet, QUrl(QStringLiteral("errors.qml")));
    QVERIFY2(component.isReady(), qPrintable(component.errorString()));
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing
        = QStringLiteral("test+unix:///default?socket=%1/no-daemon-here").arg(dir.path());
    const std::unique_ptr<QObject> root(
        component.createWithInitialProperties({{QStringLiteral("uri"), missing}}));
    QVERIFY2(root, qPrintable(component.errorString()));
    QCOMPARE(root->property("openError").toInt(), int(QVirtConnection::OpenError));
    QCOMPARE(root->property("noError").toInt(), int(QVirtConnection::NoError));

    QTRY_COMPARE(root->property("signalled").toInt(), int(QVirtConnection::OpenError));
    const QString message = root->property("messageAtSignal").toString();
    QVERIFY2(message.contains(QLatin1String("no-daemon-here")), qPrintable(message));
    QCOMPARE(root->property("boundError").toInt(), int(QVirtConnection::OpenError));
    QCOMPARE(root->property("boundMessage").toString(), message);

    // A successful open resets both, and the bindings follow.
    QVERIFY(
        root->setProperty("uri", QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"))));
    QTRY_VERIFY(root->property("isOpen").toBool());
    QCOMPARE(root->property("boundError").toInt(), int(QVirtConnection::NoError));
    QCOMPARE(root->property("boundMessage").toString(), QString());
}

QTEST_GUILESS_MAIN(tst_QmlBinding)
#include "tst_qmlbinding.moc"
