// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_DOMAINLISTING_H
#define QTVIRT_CONNECTION_DOMAINLISTING_H

#include "connection/domainhandle.h"

#include <QtVirt/qvirtdomaininfo.h>

#include <QtCore/QList>
#include <QtCore/QSet>
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

// Every domain of conn with one call for the whole connection, however
// many domains there are: see the top of domainlisting.cpp. Name, UUID, id
// and state are always there; persistent and autostart are false until
// applyDomainFlags(), and the rest may await completeListedDomain().
// Blocking (a daemon round trip): for a pool thread. Throws QVirtError.
std::vector<ListedDomain> listDomainStatesOf(virConnectPtr conn);

// The UUIDs of conn's persistent and of its autostarted domains, which no
// statistics group carries: two more whole-connection calls. Blocking;
// throws QVirtError.
struct DomainFlags
{
    QSet<QUuid> persistent;
    QSet<QUuid> autostart;
};
DomainFlags readDomainFlags(virConnectPtr conn);
void applyDomainFlags(const DomainFlags &flags, ListedDomain &domain);

// listDomainStatesOf() and then readDomainFlags(), applied. Blocking;
// throws QVirtError.
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
