// SPDX-License-Identifier: LGPL-2.1-or-later
#include "domainstatetext.h"

#include <QtCore/QCoreApplication>

#include <libvirt/libvirt.h>

QString domainStateText(int state)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
        return QCoreApplication::translate("DomainModel", "Running");
    case VIR_DOMAIN_BLOCKED:
        return QCoreApplication::translate("DomainModel", "Idle");
    case VIR_DOMAIN_PAUSED:
        return QCoreApplication::translate("DomainModel", "Paused");
    case VIR_DOMAIN_SHUTDOWN:
        return QCoreApplication::translate("DomainModel", "In shutdown");
    case VIR_DOMAIN_SHUTOFF:
        return QCoreApplication::translate("DomainModel", "Shut off");
    case VIR_DOMAIN_CRASHED:
        return QCoreApplication::translate("DomainModel", "Crashed");
    case VIR_DOMAIN_PMSUSPENDED:
        return QCoreApplication::translate("DomainModel", "Suspended by power management");
    default:
        return QCoreApplication::translate("DomainModel", "No state");
    }
}
