// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domaincolumns.h"

#include "model/domainstatetext.h"

#include <QtVirt/qvirtdomainmodel.h>

#include <QtCore/QLocale>

namespace DomainColumns {

QVariant display(const DomainEntry &entry, const DomainStatistics::Figures *figures,
                 const QString &host, int column)
{
    switch (column) {
    case QVirtDomainModel::NameColumn:
        return entry.name;
    case QVirtDomainModel::StateColumn:
        return domainStateText(entry.state);
    case QVirtDomainModel::CpuColumn:
        // Nothing measured (statistics off, not running, one sample so
        // far): an empty cell, not a misleading "0".
        if (!figures || !figures->cpuPercent)
            return QString();
        return QLocale().toString(*figures->cpuPercent, 'f', 1);
    case QVirtDomainModel::MemoryColumn:
        // In the user's locale and binary units, as file managers show sizes.
        return QLocale().formattedDataSize(static_cast<qint64>(entry.memoryKiB) * 1024, 1);
    case QVirtDomainModel::VcpusColumn:
        return QLocale().toString(entry.vcpus);
    case QVirtDomainModel::HostColumn:
        return host;
    default:
        return QVariant();
    }
}

QVariant sortKey(const DomainEntry &entry, const DomainStatistics::Figures *figures,
                 const QString &host, int column)
{
    switch (column) {
    case QVirtDomainModel::NameColumn:
        return entry.name;
    case QVirtDomainModel::StateColumn:
        return entry.state;
    case QVirtDomainModel::CpuColumn:
        // Below every measured figure, idle ones included.
        return figures && figures->cpuPercent ? *figures->cpuPercent : -1.0;
    case QVirtDomainModel::MemoryColumn:
        return entry.memoryKiB;
    case QVirtDomainModel::VcpusColumn:
        return entry.vcpus;
    case QVirtDomainModel::HostColumn:
        return host;
    default:
        return QVariant();
    }
}

} // namespace DomainColumns
