// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_JOBPROGRESS_H
#define QTVIRT_CONNECTION_JOBPROGRESS_H

#include <QtVirt/qvirtdomainref.h>

#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <libvirt/libvirt.h>

#include <functional>
#include <optional>

class QVirtConnectionPrivate;

// How far a domain's job (a save) got, for the progress of the operation
// that runs it. libvirt tells it only when asked (virDomainGetJobStats()),
// a round trip to the daemon, so the question is a pool operation of its
// own, never a call in the connection's thread: a frozen daemon delays the
// progress, not the application. One question at a time, so that a slow
// daemon does not collect a queue of them. The poller lives as long as its
// parent, the operation whose call it watches.
class JobProgressPoller : public QObject
{
public:
    using Report = std::function<void(int percent)>;

    JobProgressPoller(QVirtConnectionPrivate *d, const QVirtDomainRef &domain, Report report,
                      QObject *parent);

private:
    void poll();

    QVirtConnectionPrivate *const m_d;
    const QVirtDomainRef m_domain;
    const Report m_report;
    QTimer m_timer;
    QFuture<void> m_inFlight;
};

// The share of dom's current job that is done, in percent, as virsh's
// --verbose computes it (from the data remaining of the data total);
// nullopt while no job runs, the job tells no size, or nothing remains
// (the end is for the operation to report, once its call returned).
std::optional<int> jobPercent(virDomainPtr dom);

#endif // QTVIRT_CONNECTION_JOBPROGRESS_H
