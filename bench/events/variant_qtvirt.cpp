// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventsource.h"
#include "variants.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <cstdio>

Measurement runQtVirt(int &argc, char **argv, const QByteArray &uri, int events)
{
    QCoreApplication app(argc, argv);
    if (!QtVirtEventImpl::registerImpl())
        return {};
    QElapsedTimer clock;
    clock.start();
    EventSource source(uri, events, clock);
    QList<qint64> latencies;
    latencies.reserve(events);
    qint64 lastArrival = 0;
    {
        QVirtConnection conn;
        QObject::connect(&conn, &QVirtConnection::domainLifecycle, &app,
                         [&](const QVirtDomainRef &domain, QVirtEvents::DomainEvent event, int) {
                             const qint64 now = clock.nsecsElapsed();
                             const qint64 cause
                                 = source.causedAt(domain.name().toUtf8(),
                                                   event == QVirtEvents::DomainEvent::Defined);
                             if (cause < 0)
                                 return;
                             latencies.append(now - cause);
                             lastArrival = now;
                             if (latencies.size() == events)
                                 QCoreApplication::quit();
                         });
        if (!conn.openBlocking(QString::fromUtf8(uri))) {
            std::fprintf(stderr, "%s\n", qPrintable(conn.errorString()));
            return {};
        }
        source.start();
        QTimer::singleShot(60000, &app, &QCoreApplication::quit);
        QCoreApplication::exec();
        if (!source.finish())
            return {};
        conn.close();
    }
    QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000));
    return Measurement::fromLatencies(latencies,
                                      lastArrival - source.causedAt(source.prefix() + '0', true));
}
