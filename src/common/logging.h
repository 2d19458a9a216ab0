// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_COMMON_LOGGING_H
#define QTVIRT_COMMON_LOGGING_H

#include <QtCore/QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcQtVirtEvent)
Q_DECLARE_LOGGING_CATEGORY(lcQtVirtStream)
Q_DECLARE_LOGGING_CATEGORY(lcQtVirtConnection)

#endif // QTVIRT_COMMON_LOGGING_H
