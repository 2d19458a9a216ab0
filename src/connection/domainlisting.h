// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_DOMAINLISTING_H
#define QTVIRT_CONNECTION_DOMAINLISTING_H

#include "connection/domainhandle.h"

#include <QtVirt/qvirtdomaininfo.h>

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUuid>

#include <libvirt/libvirt.h>

#include <vector>

// One domain as a whole-connection listing found it: everything
// QVirtDomainInfo holds, as libvirt's own types.
struct ListedDomain
{
    QString name;
    QUuid uuid;
    int id = -1; // -1: not running
    int state = VIR_DOMAIN_NOSTATE;
    int stateReason = 0;
    bool persistent = false;
    bool autostart = false;
    quint64 maxMemory = 0; // KiB
    quint64 memory = 0;    // KiB
    unsigned int vcpus = 0;
    quint64 cpuTime = 0; // ns
    // Set when the driver's statistics lacked the memory, vCPUs or CPU time
    // of this domain, which are then 0: completeListedDomain() reads them.
    DomainHandle incomplete;
};

// Every domain of conn with a few calls for the whole connection, however
// many domains there are: see the top of domainlisting.cpp. Name, UUID, id,
// state and the two flags are always there; the rest may await
// completeListedDomain(). Blocking (daemon round trips): for a pool thread.
// Throws QVirtError.
std::vector<ListedDomain> listDomainsOf(virConnectPtr conn);

// Reads what the listing lacked of domain (one virDomainGetInfo()). False
// when that fails; libvirt's last error says why (VIR_ERR_NO_DOMAIN: the
// domain was undefined since the listing). The handle stays for the caller
// to drop: dropping it would clear that error, and it may hold the last
// reference to a connection closed meanwhile.
bool completeListedDomain(ListedDomain &domain);

// Every domain of conn, complete, as QVirtConnection::listDomains()
// reports them. Blocking; throws QVirtError.
QList<QVirtDomainInfo> listDomainInfos(virConnectPtr conn);

#endif // QTVIRT_CONNECTION_DOMAINLISTING_H
