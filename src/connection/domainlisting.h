// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_DOMAINLISTING_H
#define QTVIRT_CONNECTION_DOMAINLISTING_H

#include <QtVirt/qvirtdomaininfo.h>

#include <QtCore/QList>
#include <QtCore/QSet>
#include <QtCore/QString>
#include <QtCore/QUuid>

#include <libvirt/libvirt.h>

#include <memory>
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
    // Borrowed from the DomainListing's handles.
    virDomainPtr incomplete = nullptr;
};

// The domains of one listing, and libvirt's handles of them, which their
// incomplete pointers borrow: moved together, never copied. The handles
// are dropped all at once, with the listing: dropping a domain's handle
// formats its UUID twice (docs/libvirt-calls.md), which a caller can do
// after showing the rows.
struct DomainListing
{
    DomainListing() = default;
    DomainListing(DomainListing &&) = default;
    DomainListing &operator=(DomainListing &&) = default;
    DomainListing(const DomainListing &) = delete;
    DomainListing &operator=(const DomainListing &) = delete;
    ~DomainListing() = default;

    std::vector<ListedDomain> domains;
    std::shared_ptr<void> handles;
};

// Every domain of conn with one call for the whole connection, however
// many domains there are: see the top of domainlisting.cpp. Name, UUID, id
// and state are always there; persistent and autostart are false until
// applyDomainFlags(), and the rest may await completeListedDomain().
// Blocking (a daemon round trip): for a pool thread. Throws QVirtError.
DomainListing listDomainStatesOf(virConnectPtr conn);

// Which of conn's domains are persistent and which autostarted, which no
// statistics group carries: two more whole-connection calls, which name
// the transient domains (usually few or none) and the autostarted ones
// (from none to all), not the persistent ones (usually all). Blocking;
// throws QVirtError.
struct DomainFlags
{
    QSet<QUuid> transient;
    QSet<QUuid> autostart;

    // For a domain of the listing before: one undefined since is neither
    // transient nor autostarted any more, and is gone, its event on the way.
    bool isPersistent(const QUuid &uuid) const { return !transient.contains(uuid); }
    bool isAutostart(const QUuid &uuid) const { return autostart.contains(uuid); }
};
DomainFlags readDomainFlags(virConnectPtr conn);
void applyDomainFlags(const DomainFlags &flags, ListedDomain &domain);

// listDomainStatesOf() and then readDomainFlags(), applied. Blocking;
// throws QVirtError.
DomainListing listDomainsOf(virConnectPtr conn);

// Reads what the listing lacked of domain (one virDomainGetInfo()), while
// the listing's handles live. False when that fails; libvirt's last error
// says why (VIR_ERR_NO_DOMAIN: the domain was undefined since the
// listing). The handles may hold the last reference to a connection closed
// meanwhile, whose release is a round trip: drop them in a pool thread.
bool completeListedDomain(ListedDomain &domain);

// Every domain of conn, complete, as QVirtConnection::listDomains()
// reports them. Blocking; throws QVirtError.
QList<QVirtDomainInfo> listDomainInfos(virConnectPtr conn);

#endif // QTVIRT_CONNECTION_DOMAINLISTING_H
