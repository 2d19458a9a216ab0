// SPDX-License-Identifier: LGPL-2.1-or-later
#include "testsupport.h"

#include <QtCore/QAbstractEventDispatcher>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

namespace QtVirtTest {

QByteArray dispatcherName()
{
    const QByteArray className = QAbstractEventDispatcher::instance()->metaObject()->className();
    if (className.contains("Glib"))
        return QByteArrayLiteral("glib");
    if (className.contains("UNIX"))
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

} // namespace QtVirtTest
