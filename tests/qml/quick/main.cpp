// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The Qt Quick Test suite of `import QtVirt`: the tst_*.qml files next to
// this file, against the testbed. Nothing here registers libvirt's event
// loop: importing QtVirt does.

#include "testsupport.h"

#include <QtQml/QQmlEngine>
#include <QtQuickTest/quicktest.h>

#include <libvirt/virterror.h>

namespace {

void ignoreLibvirtError(void *, virErrorPtr) { }

} // namespace

class QuickSetup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        // QTest's checks cannot run before the first test function.
        const QByteArray expected = qgetenv("QTVIRT_EXPECT_DISPATCHER");
        if (!expected.isEmpty() && QtVirtTest::dispatcherName() != expected)
            qFatal("Runs on the %s dispatcher, expected %s",
                   QtVirtTest::dispatcherName().constData(), expected.constData());
        virSetErrorFunc(nullptr, ignoreLibvirtError);
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral(QTVIRT_QML_BUILD_IMPORT_PATH));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qtvirtquick, QuickSetup)
#include "main.moc"
