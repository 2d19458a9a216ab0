// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_TYPEDPARAMETERS_H
#define QTVIRT_CONNECTION_TYPEDPARAMETERS_H

#include <QtCore/QVariantMap>

#include <libvirt/libvirt.h>

// libvirt's typed parameters (tunable and job-completed events) by field
// name, each with the QVariant type closest to its virTypedParameterType.
QVariantMap typedParametersToMap(const virTypedParameter *params, int count);

#endif // QTVIRT_CONNECTION_TYPEDPARAMETERS_H
