// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection in a process that never called
// QtVirtEventImpl::registerImpl(), against the test driver in this process.
// It must stay a separate binary: registerImpl() cannot be undone.

#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QList>
#include <QtCore/QMutex>
#include <QtTest/QSignalSpy>
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

// Every message logged while it lives, from any thread.
class MessageLog
{
public:
    MessageLog()
    {
        s_log = this;
        m_previous = qInstallMessageHandler(&MessageLog::handle);
    }
    ~MessageLog()
    {
        qInstallMessageHandler(m_previous);
        s_log = nullptr;
    }
    MessageLog(const MessageLog &) = delete;
    MessageLog &operator=(const MessageLog &) = delete;

    QList<Message> messages() const
    {
        const QMutexLocker locker(&m_mutex);
        return m_messages;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        const QMutexLocker locker(&s_log->m_mutex);
        s_log->m_messages.append({type, QByteArray(context.category), text});
    }

    static inline MessageLog *s_log = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QList<Message> m_messages;
};

} // namespace

class tst_ConnectionWithoutEventImpl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void openWarnsOnceWithTheFix();
};

void tst_ConnectionWithoutEventImpl::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    QVERIFY(!QtVirtEventImpl::isRegistered());
}

// A QVirtConnection opened before
// QtVirtEventImpl::registerImpl() opens fine, but libvirt then has no event
// loop: no domain event, keepalive or close notification ever arrives, and
// nothing said why. The first open must warn on qtvirt.connection and name
// the fix; later ones stay quiet, so a program that reconnects is not
// flooded.
void tst_ConnectionWithoutEventImpl::openWarnsOnceWithTheFix()
{
    const QString uri = QStringLiteral("test:///default");
    MessageLog log;
    {
        QVirtConnection conn;
        QVERIFY(log.messages().isEmpty()); // constructing it before registerImpl() is fine
        QVERIFY2(conn.openBlocking(uri), qPrintable(conn.errorString()));
    }
    {
        QVirtConnection conn;
        QSignalSpy opened(&conn, &QVirtConnection::opened);
        conn.open(uri);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
    }

    const QList<Message> messages = log.messages();
    QCOMPARE(messages.size(), 1);
    const Message &warning = messages.first();
    QCOMPARE(warning.type, QtWarningMsg);
    QCOMPARE(warning.category, QByteArray("qtvirt.connection"));
    QVERIFY2(warning.text.contains(QLatin1String("QtVirtEventImpl::registerImpl()")),
             qPrintable(warning.text));
}

QTEST_GUILESS_MAIN(tst_ConnectionWithoutEventImpl)
#include "tst_connectionwithouteventimpl.moc"
