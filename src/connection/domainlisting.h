// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_DOMAINLISTING_H
#define QTVIRT_CONNECTION_DOMAINLISTING_H

#include <QtVirt/qvirtdomaininfo.h>

#include <QtCore/QList>

#include <libvirt/libvirt.h>

// Every domain of conn, as QVirtConnection::listDomains() reports them.
// Blocking (daemon round trips): for a pool thread. Throws QVirtError.
QList<QVirtDomainInfo> listDomainInfos(virConnectPtr conn);

#endif // QTVIRT_CONNECTION_DOMAINLISTING_H
