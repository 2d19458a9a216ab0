// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QTVIRTGLOBAL_H
#define QTVIRT_QTVIRTGLOBAL_H

#include <QtVirt/qtvirtcore_export.h>
#include <QtVirt/qtvirtversion.h>

#endif // QTVIRT_QTVIRTGLOBAL_H
