// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/qvirtdomaininfo_p.h"

#include <QtCore/QDebug>

QVirtDomainInfo::QVirtDomainInfo()
    : d(new QVirtDomainInfoData)
{ }

QVirtDomainInfo::QVirtDomainInfo(QVirtDomainInfoData *data)
    : d(data)
{ }

QVirtDomainInfo::QVirtDomainInfo(const QVirtDomainInfo &other) = default;
QVirtDomainInfo::QVirtDomainInfo(QVirtDomainInfo &&other) noexcept = default;
QVirtDomainInfo &QVirtDomainInfo::operator=(const QVirtDomainInfo &other) = default;
QVirtDomainInfo &QVirtDomainInfo::operator=(QVirtDomainInfo &&other) noexcept = default;
QVirtDomainInfo::~QVirtDomainInfo() = default;

QString QVirtDomainInfo::name() const
{
    return d->name;
}

QUuid QVirtDomainInfo::uuid() const
{
    return d->uuid;
}

int QVirtDomainInfo::id() const
{
    return d->id;
}

QVirtDomainRef QVirtDomainInfo::domainRef() const
{
    return QVirtDomainRef(d->name, d->uuid, d->id);
}

QVirtDomainInfo::State QVirtDomainInfo::state() const
{
    return d->state;
}

int QVirtDomainInfo::stateReason() const
{
    return d->stateReason;
}

bool QVirtDomainInfo::isPersistent() const
{
    return d->persistent;
}

bool QVirtDomainInfo::autostart() const
{
    return d->autostart;
}

quint64 QVirtDomainInfo::maxMemory() const
{
    return d->maxMemory;
}

quint64 QVirtDomainInfo::memory() const
{
    return d->memory;
}

int QVirtDomainInfo::vcpus() const
{
    return d->vcpus;
}

quint64 QVirtDomainInfo::cpuTime() const
{
    return d->cpuTime;
}

QDebug operator<<(QDebug debug, const QVirtDomainInfo &info)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "QVirtDomainInfo(" << info.name() << ", " << info.state() << ", "
                    << info.memory() << " KiB, " << info.vcpus() << " vCPUs)";
    return debug;
}
