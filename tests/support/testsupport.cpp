// SPDX-License-Identifier: LGPL-2.1-or-later
#include "testsupport.h"

#include <QtCore/QAbstractEventDispatcher>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QTest>

#include <libvirt/libvirt.h>

namespace QtVirtTest {

QByteArray dispatcherName()
{
    const QByteArray className = QAbstractEventDispatcher::instance()->metaObject()->className();
    if (className.contains("Glib"))
        return QByteArrayLiteral("glib");
    // QEventDispatcherUNIX, and QUnixEventDispatcherQPA in GUI programs.
    if (className.contains("UNIX") || className.contains("Unix"))
        return QByteArrayLiteral("unix");
    return className;
}

void verifyExpectedDispatcher()
{
    const QByteArray expected = qgetenv("QTVIRT_EXPECT_DISPATCHER");
    if (expected.isEmpty())
        return; // run by hand, outside CTest
    QCOMPARE(dispatcherName(), expected);
}

void failOnAnyWarning()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
}

QByteArray testbedValue(const char *name)
{
    const QByteArray value = qgetenv(name);
    if (value.isEmpty()) {
        QTest::qFail(qPrintable(QStringLiteral("%1 is not set: start the testbed "
                                               "(scripts/testbed start) and "
                                               "eval \"$(scripts/testbed env)\"")
                                    .arg(QString::fromLatin1(name))),
                     __FILE__, __LINE__);
    }
    return value;
}

qint64 testbedDaemonPid()
{
    QFile pidFile(QString::fromLocal8Bit(testbedValue("QTVIRT_TESTBED_DIR"))
                  + QStringLiteral("/libvirtd.pid"));
    if (pidFile.open(QIODevice::ReadOnly))
        return pidFile.readAll().trimmed().toLongLong();
    return testbedValue("QTVIRT_LIBVIRTD_PID").toLongLong();
}

QString restartTestbedDaemon()
{
    QProcess testbed;
    testbed.start(QStringLiteral(QTVIRT_SOURCE_DIR "/scripts/testbed"),
                  {QStringLiteral("restart-daemon")});
    if (!testbed.waitForFinished(60000) || testbed.exitCode() != 0)
        return QStringLiteral("scripts/testbed restart-daemon failed: ")
            + QString::fromLocal8Bit(testbed.readAllStandardError());
    // The daemon answers once its socket accepts a connection.
    const QByteArray uri = testbedValue("QTVIRT_QEMU_URI");
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (virConnectPtr conn = virConnectOpen(uri.constData())) {
            virConnectClose(conn);
            return QString();
        }
        QThread::msleep(100);
    }
    return QStringLiteral("libvirtd does not answer after restart-daemon");
}

QString authenticatedNodeUri(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("node.xml"));
    QFile node(path);
    const QByteArray xml = "<node><auth><user password='s3cret'>alice</user></auth></node>\n";
    if (!node.open(QIODevice::WriteOnly) || node.write(xml) != xml.size() || !node.flush()) {
        QTest::qFail(
            qPrintable(QStringLiteral("cannot write %1: %2").arg(path, node.errorString())),
            __FILE__, __LINE__);
        return QString();
    }
    return QStringLiteral("test://") + path;
}

} // namespace QtVirtTest
