// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_QMLLOGGING_H
#define QTVIRT_QML_QMLLOGGING_H

#include <QtCore/QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcQtVirtQml)

#endif // QTVIRT_QML_QMLLOGGING_H
