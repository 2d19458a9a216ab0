// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmldomainevents.h"

#include <QtCore/QUuid>

QmlDomainEvents::QmlDomainEvents(QObject *parent)
    : QObject(parent)
{ }

void QmlDomainEvents::setConnection(QVirtConnection *connection)
{
    if (m_connection == connection)
        return;
    m_connection = connection;
    Q_EMIT connectionChanged();
    update();
}

void QmlDomainEvents::setDomainName(const QString &name)
{
    if (m_name == name)
        return;
    m_name = name;
    Q_EMIT domainChanged();
    update();
}

void QmlDomainEvents::setDomainUuid(const QString &uuid)
{
    if (m_uuid == uuid)
        return;
    m_uuid = uuid;
    Q_EMIT domainChanged();
    update();
}

void QmlDomainEvents::componentComplete()
{
    m_complete = true;
    update();
}

void QmlDomainEvents::update()
{
    // Declared properties arrive one by one: look up once all are set.
    if (!m_complete)
        return;
    QVirtDomainEvents *events = nullptr;
    if (m_connection && (!m_name.isEmpty() || !m_uuid.isEmpty()))
        events = m_connection->domainEvents(QVirtDomainRef(m_name, QUuid(m_uuid)));
    if (m_events == events)
        return;
    m_events = events;
    Q_EMIT eventsChanged();
}
