// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_DOMAINREF_H
#define QTVIRT_CONNECTION_DOMAINREF_H

#include <QtVirt/QVirtDomainRef>

#include <QtCore/QByteArrayView>
#include <QtCore/QUuid>

#include <libvirt/libvirt.h>

// A libvirt domain's UUID, null when libvirt cannot give it. The 16 bytes
// rather than virDomainGetUUIDString(): almost every libvirt call on a
// domain already formats the UUID once for its debug log, enabled or not
// (VIR_DOMAIN_DEBUG in src/libvirt-domain.c), and a listing of thousands of
// domains should not pay for a second formatting and a parse on top.
inline QUuid domainUuidOf(virDomainPtr dom)
{
    unsigned char raw[VIR_UUID_BUFLEN] = {};
    if (virDomainGetUUID(dom, raw) < 0)
        return {};
    return QUuid::fromRfc4122(QByteArrayView(raw, VIR_UUID_BUFLEN));
}

// The QVirtDomainRef of a libvirt domain: its name, UUID and id (-1 when it
// is not running), all of which libvirt's client keeps with the handle, so
// no call reaches the daemon.
inline QVirtDomainRef domainRefOf(virDomainPtr dom)
{
    const unsigned int id = virDomainGetID(dom);
    const char *name = virDomainGetName(dom);
    return QVirtDomainRef(name ? QString::fromUtf8(name) : QString(), domainUuidOf(dom),
                          id == static_cast<unsigned int>(-1) ? -1 : static_cast<int>(id));
}

#endif // QTVIRT_CONNECTION_DOMAINREF_H
