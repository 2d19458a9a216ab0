// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connectiontestsupport.h"

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

} // namespace QtVirtConnectionTest
