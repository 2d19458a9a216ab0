// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_DOMAINCOLUMNS_H
#define QTVIRT_MODEL_DOMAINCOLUMNS_H

#include "model/domainentry.h"
#include "model/domainstatistics.h"

#include <QtCore/QVariant>

// What QVirtDomainModel's columns show of one domain on a connection whose
// host is host, with its statistics figures (null when there are none):
// the text (Qt::DisplayRole) and the value to sort by
// (QVirtDomainModel::SortRole). Null for other roles and columns.
namespace DomainColumns {

QVariant display(const DomainEntry &entry, const DomainStatistics::Figures *figures,
                 const QString &host, int column);
QVariant sortKey(const DomainEntry &entry, const DomainStatistics::Figures *figures,
                 const QString &host, int column);

} // namespace DomainColumns

#endif // QTVIRT_MODEL_DOMAINCOLUMNS_H
