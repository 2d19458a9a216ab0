// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_QMLDOMAINEVENTS_H
#define QTVIRT_QML_QMLDOMAINEVENTS_H

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainEvents>

#include <QtCore/QPointer>
#include <QtQml/QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

// `DomainEvents` in QML: the events of one domain, filtered by the daemon
// (QVirtConnection::domainEvents()), for a details view:
//
//     DomainEvents { id: filter; connection: conn; domainName: "web" }
//     Connections {
//         target: filter.events
//         function onDomainLifecycle(domain, event, detail) { ... }
//     }
//
// events is the connection's shared QVirtDomainEvents for the domain (by
// domainUuid, or by domainName when that is empty); it changes when the
// connection or the domain does, and is null while either is unset.
class QmlDomainEvents : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(DomainEvents)
    Q_PROPERTY(
        QVirtConnection *connection READ connection WRITE setConnection NOTIFY connectionChanged)
    Q_PROPERTY(QString domainName READ domainName WRITE setDomainName NOTIFY domainChanged)
    Q_PROPERTY(QString domainUuid READ domainUuid WRITE setDomainUuid NOTIFY domainChanged)
    Q_PROPERTY(QVirtDomainEvents *events READ events NOTIFY eventsChanged)

public:
    explicit QmlDomainEvents(QObject *parent = nullptr);

    QVirtConnection *connection() const { return m_connection; }
    void setConnection(QVirtConnection *connection);
    QString domainName() const { return m_name; }
    void setDomainName(const QString &name);
    QString domainUuid() const { return m_uuid; }
    void setDomainUuid(const QString &uuid);
    QVirtDomainEvents *events() const { return m_events; }

    void classBegin() override { }
    void componentComplete() override;

Q_SIGNALS:
    void connectionChanged();
    void domainChanged();
    void eventsChanged();

private:
    void update();

    QPointer<QVirtConnection> m_connection;
    QString m_name;
    QString m_uuid;
    // Owned by the connection, shared with every other user of the domain.
    QPointer<QVirtDomainEvents> m_events;
    bool m_complete = false;
};

#endif // QTVIRT_QML_QMLDOMAINEVENTS_H
