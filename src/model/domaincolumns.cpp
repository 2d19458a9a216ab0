// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domaincolumns.h"

#include "model/domainstatetext.h"

#include <QtVirt/qvirtdomainmodel.h>

#include <QtCore/QLocale>

namespace DomainColumns {

QVariant display(const DomainEntry &entry, const QString &host, int column)
{
    switch (column) {
    case QVirtDomainModel::NameColumn:
        return entry.name;
    case QVirtDomainModel::StateColumn:
        return domainStateText(entry.state);
    case QVirtDomainModel::CpuColumn:
        // Nothing is measured yet: an empty cell, not a misleading "0 %".
        return QString();
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

QVariant sortKey(const DomainEntry &entry, const QString &host, int column)
{
    switch (column) {
    case QVirtDomainModel::NameColumn:
        return entry.name;
    case QVirtDomainModel::StateColumn:
        return entry.state;
    case QVirtDomainModel::CpuColumn:
        return 0.0;
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
