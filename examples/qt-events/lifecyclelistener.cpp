// SPDX-License-Identifier: LGPL-2.1-or-later
#include "lifecyclelistener.h"

#include "lifecycleformat.h"

#include <QtCore/QDateTime>
#include <QtCore/QTextStream>

#include <libvirt/virterror.h>

LifecycleListener::LifecycleListener(virConnectPtr conn, QTextStream &out, bool timestamps,
                                     int limit, QObject *parent)
    : QObject(parent)
    , m_conn(conn)
    , m_out(out)
    , m_timestamps(timestamps)
    , m_limit(limit)
{ }

LifecycleListener::~LifecycleListener()
{
    // Either may fail once the daemon is gone; libvirt forgets the callback
    // locally all the same, which is all that matters before the close.
    if (m_callbackId >= 0)
        virConnectDomainEventDeregisterAny(m_conn, m_callbackId);
    if (m_closeCallbackRegistered)
        virConnectUnregisterCloseCallback(m_conn, closeCallback);
}

bool LifecycleListener::start()
{
    m_callbackId = virConnectDomainEventRegisterAny(m_conn, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                    VIR_DOMAIN_EVENT_CALLBACK(lifecycleCallback),
                                                    this, nullptr);
    if (m_callbackId < 0) {
        m_error = QString::fromUtf8(virGetLastErrorMessage());
        return false;
    }
    if (virConnectRegisterCloseCallback(m_conn, closeCallback, this, nullptr) < 0) {
        m_error = QString::fromUtf8(virGetLastErrorMessage());
        return false;
    }
    m_closeCallbackRegistered = true;
    return true;
}

void LifecycleListener::lifecycleCallback(virConnectPtr, virDomainPtr dom, int event, int detail,
                                          void *opaque)
{
    auto *self = static_cast<LifecycleListener *>(opaque);
    // libvirt flushes every queued event in one go, so more can arrive after
    // the limit, before the loop gets to stop.
    if (self->m_limit > 0 && self->m_printed >= self->m_limit)
        return;
    // virsh stamps the moment it prints, not the moment the event happened.
    if (self->m_timestamps)
        self->m_out << LifecycleFormat::timestampPrefix(QDateTime::currentDateTimeUtc());
    // Flushed per line, like virsh, so that a pipe sees each event at once.
    self->m_out << LifecycleFormat::line(QString::fromUtf8(virDomainGetName(dom)), event, detail)
                << Qt::endl;
    if (++self->m_printed == self->m_limit)
        Q_EMIT self->limitReached();
}

void LifecycleListener::closeCallback(virConnectPtr, int reason, void *opaque)
{
    Q_EMIT static_cast<LifecycleListener *>(opaque)->connectionClosed(reason);
}
