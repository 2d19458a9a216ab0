// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_CONNECTIONTESTSUPPORT_H
#define QTVIRT_TESTS_CONNECTIONTESTSUPPORT_H

#include <QtVirt/QVirtConnection>

#include <QtCore/QByteArray>
#include <QtCore/QList>

#include "integrationsupport.h"

// Helpers the QVirtConnection integration tests share.
namespace QtVirtConnectionTest {

// The lifecycle signals of domains named with namePrefix(), in arrival order.
class LifecycleSignalRecorder : public QObject
{
public:
    explicit LifecycleSignalRecorder(QVirtConnection *conn);
    const QList<QtVirtIntegration::LifecycleEvent> &events() const { return m_events; }

private:
    QList<QtVirtIntegration::LifecycleEvent> m_events;
};

// Opens uri on conn and runs the event loop until conn emitted opened() or
// errorOccurred(), at most timeoutMs. Returns the milliseconds from open()
// until then, or -1 when neither came in time.
qint64 openAndWait(QVirtConnection &conn, const QString &uri, int timeoutMs);

} // namespace QtVirtConnectionTest

#endif // QTVIRT_TESTS_CONNECTIONTESTSUPPORT_H
