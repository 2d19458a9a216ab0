// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_TYPEDPARAMETERS_H
#define QTVIRT_CONNECTION_TYPEDPARAMETERS_H

#include <QtCore/QVariantMap>

#include <libvirt/libvirt.h>

#include <optional>

// libvirt's typed parameters (tunable and job-completed events) by field
// name, each with the QVariant type closest to its virTypedParameterType.
QVariantMap typedParametersToMap(const virTypedParameter *params, int count);

// One field of a virConnectGetAllDomainStats() record; nullopt when there
// is no record, or it lacks the field or holds it with another type (the
// fields a driver reports differ: the test driver has no balloon.rss).
std::optional<int> intStat(const virDomainStatsRecord *record, const char *name);
std::optional<unsigned int> uintStat(const virDomainStatsRecord *record, const char *name);
std::optional<unsigned long long> ullongStat(const virDomainStatsRecord *record, const char *name);

#endif // QTVIRT_CONNECTION_TYPEDPARAMETERS_H
