// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_DOMAINREF_H
#define QTVIRT_CONNECTION_DOMAINREF_H

#include <QtVirt/QVirtDomainRef>

#include <libvirt/libvirt.h>

// The QVirtDomainRef of a libvirt domain: its name, UUID and id (-1 when it
// is not running), all of which libvirt's client keeps with the handle, so
// no call reaches the daemon. A UUID libvirt cannot give stays null.
// Header-only, so that the QML module can use it without QtVirtCore
// exporting it.
inline QVirtDomainRef domainRefOf(virDomainPtr dom)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    virDomainGetUUIDString(dom, uuid);
    const unsigned int id = virDomainGetID(dom);
    const char *name = virDomainGetName(dom);
    return QVirtDomainRef(name ? QString::fromUtf8(name) : QString(),
                          QUuid::fromString(QLatin1String(uuid)),
                          id == static_cast<unsigned int>(-1) ? -1 : static_cast<int>(id));
}

#endif // QTVIRT_CONNECTION_DOMAINREF_H
