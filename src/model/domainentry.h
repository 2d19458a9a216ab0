// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_DOMAINENTRY_H
#define QTVIRT_MODEL_DOMAINENTRY_H

#include <QtCore/QString>
#include <QtCore/QUuid>

#include <libvirt/libvirt.h>

// What QVirtDomainModel shows of one domain.
struct DomainEntry
{
    QString name;
    QUuid uuid;
    int id = -1;                    // the hypervisor's id while it runs
    int state = VIR_DOMAIN_NOSTATE; // virDomainState
    bool persistent = false;
    bool autostart = false;
    quint64 memoryKiB = 0; // virDomainInfo.memory
    uint vcpus = 0;

    friend bool operator==(const DomainEntry &a, const DomainEntry &b)
    {
        return a.name == b.name && a.uuid == b.uuid && a.id == b.id && a.state == b.state
            && a.persistent == b.persistent && a.autostart == b.autostart
            && a.memoryKiB == b.memoryKiB && a.vcpus == b.vcpus;
    }
    friend bool operator!=(const DomainEntry &a, const DomainEntry &b) { return !(a == b); }
};

#endif // QTVIRT_MODEL_DOMAINENTRY_H
