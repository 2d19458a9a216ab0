// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_QVIRTDOMAINEVENTS_P_H
#define QTVIRT_CONNECTION_QVIRTDOMAINEVENTS_P_H

#include "connection/domainhandle.h"
#include "connection/eventregistrations.h"

#include <QtVirt/qvirtdomainevents.h>

#include <libvirt/libvirt.h>

#include <memory>
#include <vector>

class ConnectionLink;
class QVirtConnectionPrivate;

class QVirtDomainEventsPrivate
{
public:
    QVirtDomainEventsPrivate(QVirtDomainEvents *owner, QVirtConnectionPrivate *owningConnection,
                             const QVirtDomainRef &ref);
    ~QVirtDomainEventsPrivate();

    // Registers and deregisters as the receivers of q's signals want, on
    // conn (null: nothing is registered), whose link is link.
    void sync(virConnectPtr conn, const std::shared_ptr<ConnectionLink> &link);
    // As EventRegistrations::takeAll(), when the connection is let go of.
    std::vector<EventRegistrations::Registration> takeAll();
    // From connectNotify() (now) and disconnectNotify() (at the next loop pass).
    void requestSync(bool now);

    QVirtDomainEvents *const q;
    // Null once the connection is destroyed.
    QVirtConnectionPrivate *connection;
    const QVirtDomainRef domain;
    EventRegistrations registrations;
    QVirtDomainEvents::Error error = QVirtDomainEvents::NoError;
    QString errorString;

private:
    // The domain on conn, whose link is link: looked up once per
    // connection (m_domLink tells which); null when it cannot be found.
    virDomainPtr lookUp(virConnectPtr conn, const std::shared_ptr<ConnectionLink> &link);
    void forgetDomain();

    DomainHandle m_dom;
    std::weak_ptr<ConnectionLink> m_domLink;
};

#endif // QTVIRT_CONNECTION_QVIRTDOMAINEVENTS_P_H
