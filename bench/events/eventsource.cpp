// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventsource.h"

#include <QtCore/QCoreApplication>

#include <libvirt/libvirt.h>

EventSource::EventSource(QByteArray uri, int events, const QElapsedTimer &clock)
    : m_uri(std::move(uri))
    , m_pairs(events / 2)
    , m_clock(clock)
    , m_prefix("qtvirt-bench-" + QByteArray::number(QCoreApplication::applicationPid()) + '-')
    , m_causes(new std::atomic<qint64>[static_cast<std::size_t>(2 * m_pairs)])
{
    for (int i = 0; i < 2 * m_pairs; ++i)
        m_causes[static_cast<std::size_t>(i)] = -1;
}

EventSource::~EventSource()
{
    if (m_thread.joinable())
        m_thread.join();
}

void EventSource::start()
{
    m_thread = std::thread([this] { run(); });
}

bool EventSource::finish()
{
    if (m_thread.joinable())
        m_thread.join();
    return !m_failed;
}

qint64 EventSource::causedAt(const QByteArray &name, bool defined) const
{
    if (!name.startsWith(m_prefix))
        return -1;
    bool ok = false;
    const int index = name.mid(m_prefix.size()).toInt(&ok);
    if (!ok || index < 0 || index >= m_pairs)
        return -1;
    return m_causes[static_cast<std::size_t>(2 * index + (defined ? 0 : 1))].load();
}

void EventSource::run()
{
    virConnectPtr conn = virConnectOpen(m_uri.constData());
    if (!conn) {
        m_failed = true;
        return;
    }
    for (int i = 0; i < m_pairs && !m_failed; ++i) {
        const QByteArray xml = "<domain type='test'><name>" + m_prefix + QByteArray::number(i)
            + "</name><memory>8192</memory><os><type>hvm</type></os></domain>";
        m_causes[static_cast<std::size_t>(2 * i)] = m_clock.nsecsElapsed();
        virDomainPtr dom = virDomainDefineXML(conn, xml.constData());
        if (!dom) {
            m_failed = true;
            break;
        }
        m_causes[static_cast<std::size_t>(2 * i + 1)] = m_clock.nsecsElapsed();
        if (virDomainUndefine(dom) < 0)
            m_failed = true;
        virDomainFree(dom);
    }
    virConnectClose(conn);
}
