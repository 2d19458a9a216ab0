// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventsource.h"
#include "variants.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QThread>
#include <QtCore/QTimer>

#include <libvirt/libvirt.h>

#include <atomic>
#include <cstdio>

namespace {

// The event loop thread as applications write it: virEventRunDefaultImpl()
// until told to stop. A periodic no-op timeout makes each pass return, so
// that the stop flag is seen.
class LoopThread : public QThread
{
public:
    std::atomic<bool> stop{false};

protected:
    void run() override
    {
        while (!stop)
            virEventRunDefaultImpl();
    }
};

// Lives in the main thread; libvirt's callback emits from the loop thread,
// and the queued connection carries the event over.
class Forwarder : public QObject
{
    Q_OBJECT

Q_SIGNALS:
    void lifecycle(const QByteArray &name, int event);
};

void onLifecycle(virConnectPtr, virDomainPtr dom, int event, int, void *opaque)
{
    Q_EMIT static_cast<Forwarder *>(opaque)->lifecycle(QByteArray(virDomainGetName(dom)), event);
}

void wake(int, void *) { }

} // namespace

Measurement runLoopThread(int &argc, char **argv, const QByteArray &uri, int events)
{
    QCoreApplication app(argc, argv);
    if (virEventRegisterDefaultImpl() < 0)
        return {};
    const int wakeTimer = virEventAddTimeout(100, wake, nullptr, nullptr);
    LoopThread loop;
    loop.start();

    QElapsedTimer clock;
    clock.start();
    EventSource source(uri, events, clock);
    QList<qint64> latencies;
    latencies.reserve(events);
    qint64 lastArrival = 0;
    Forwarder forwarder;
    QObject::connect(
        &forwarder, &Forwarder::lifecycle, &app,
        [&](const QByteArray &name, int event) {
            const qint64 now = clock.nsecsElapsed();
            const qint64 cause = source.causedAt(name, event == VIR_DOMAIN_EVENT_DEFINED);
            if (cause < 0)
                return;
            latencies.append(now - cause);
            lastArrival = now;
            if (latencies.size() == events)
                QCoreApplication::quit();
        },
        Qt::QueuedConnection);

    virConnectPtr conn = virConnectOpen(uri.constData());
    bool ok = conn != nullptr;
    const int callback = ok
        ? virConnectDomainEventRegisterAny(conn, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                           VIR_DOMAIN_EVENT_CALLBACK(onLifecycle), &forwarder,
                                           nullptr)
        : -1;
    ok = ok && callback >= 0;
    if (ok) {
        source.start();
        QTimer::singleShot(60000, &app, &QCoreApplication::quit);
        QCoreApplication::exec();
        ok = source.finish();
        virConnectDomainEventDeregisterAny(conn, callback);
    }
    if (conn)
        virConnectClose(conn);
    loop.stop = true;
    loop.wait();
    virEventRemoveTimeout(wakeTimer);
    if (!ok)
        return {};
    return Measurement::fromLatencies(latencies,
                                      lastArrival - source.causedAt(source.prefix() + '0', true));
}

#include "variant_loopthread.moc"
