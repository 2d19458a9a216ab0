// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtStream in a process that never called QtVirtEventImpl::registerImpl().
// The test driver's screenshot stream works in-process, without a daemon.

#include "testsupport.h"

#include <QtVirt/QVirtStream>
#include <QtVirt/QtVirtEventImpl>

#include <QtTest/QTest>

#include <libvirt/virterror.h>

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

struct Message
{
    QtMsgType type;
    QByteArray category;
    QString text;
};

QList<Message> messages;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    messages.append({type, QByteArray(context.category), text});
}

} // namespace

class tst_StreamUnregistered : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void firstUseWarnsOnceWithTheFix();

private:
    virConnectPtr m_conn = nullptr;
};

void tst_StreamUnregistered::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(!QtVirtEventImpl::isRegistered());
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_conn = virConnectOpen("test:///default");
    QVERIFY(m_conn);
}

void tst_StreamUnregistered::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_StreamUnregistered::cleanupTestCase()
{
    if (m_conn)
        virConnectClose(m_conn);
}

// Without registerImpl() libvirt has no event loop on which
// to report stream events. open() refused such a stream with an OpenError,
// but a program that does not look at errors saw a stream that simply never
// delivered anything, and nothing in the logs said why. The first
// QVirtStream of such a process now warns on qtvirt.stream, with the fix,
// and only once however many streams follow.
void tst_StreamUnregistered::firstUseWarnsOnceWithTheFix()
{
    messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(recordMessage);
    const auto restore = qScopeGuard([previous] { qInstallMessageHandler(previous); });

    virDomainPtr dom = virDomainLookupByName(m_conn, "test");
    QVERIFY(dom);
    const auto freeDom = qScopeGuard([dom] { virDomainFree(dom); });
    QVirtStream first(m_conn);
    char *mime = virDomainScreenshot(dom, first.stream(), 0, 0);
    QVERIFY2(mime, virGetLastErrorMessage());
    free(mime);
    QVERIFY(!first.open(QIODevice::ReadOnly));
    QCOMPARE(first.error(), QVirtStream::OpenError);
    QVirtStream second(m_conn);
    QVirtStream adopted(first.stream());

    qInstallMessageHandler(previous);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().type, QtWarningMsg);
    QCOMPARE(messages.first().category, QByteArray("qtvirt.stream"));
    QCOMPARE(messages.first().text,
             QStringLiteral("QVirtStream used before QtVirtEventImpl::registerImpl(): libvirt "
                            "has no event loop, so no stream event can be reported and no stream "
                            "can be opened. Call QtVirtEventImpl::registerImpl() once, in the "
                            "thread that owns the connections, after creating the "
                            "QCoreApplication and before opening the first connection."));
}

QTEST_GUILESS_MAIN(tst_StreamUnregistered)
#include "tst_streamunregistered.moc"
