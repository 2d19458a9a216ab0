// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domainstatetext.h"

#include <QtCore/QCoreApplication>

#include <libvirt/libvirt.h>

QString domainStateText(int state)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
        return QCoreApplication::translate("QVirtDomainModel", "Running");
    case VIR_DOMAIN_BLOCKED:
        return QCoreApplication::translate("QVirtDomainModel", "Idle");
    case VIR_DOMAIN_PAUSED:
        return QCoreApplication::translate("QVirtDomainModel", "Paused");
    case VIR_DOMAIN_SHUTDOWN:
        return QCoreApplication::translate("QVirtDomainModel", "In shutdown");
    case VIR_DOMAIN_SHUTOFF:
        return QCoreApplication::translate("QVirtDomainModel", "Shut off");
    case VIR_DOMAIN_CRASHED:
        return QCoreApplication::translate("QVirtDomainModel", "Crashed");
    case VIR_DOMAIN_PMSUSPENDED:
        return QCoreApplication::translate("QVirtDomainModel", "Suspended by power management");
    default:
        return QCoreApplication::translate("QVirtDomainModel", "No state");
    }
}
