// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connectiontestsupport.h"

#include <QtCore/QElapsedTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace QtVirtIntegration;

namespace QtVirtConnectionTest {

LifecycleSignalRecorder::LifecycleSignalRecorder(QVirtConnection *conn)
{
    connect(conn, &QVirtConnection::domainLifecycle, this,
            [this](const QVirtDomainRef &domain, QVirtEvents::DomainEvent event, int detail) {
                const QByteArray name = domain.name().toUtf8();
                if (name.startsWith(namePrefix()))
                    m_events.append(LifecycleEvent{name, static_cast<int>(event), detail});
            });
}

qint64 openAndWait(QVirtConnection &conn, const QString &uri, int timeoutMs)
{
    const QSignalSpy opened(&conn, &QVirtConnection::opened);
    const QSignalSpy failed(&conn, &QVirtConnection::errorOccurred);
    QElapsedTimer clock;
    clock.start();
    conn.open(uri);
    if (!QTest::qWaitFor([&] { return opened.size() + failed.size() > 0; }, timeoutMs))
        return -1;
    return clock.elapsed();
}

} // namespace QtVirtConnectionTest
