// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmllogging.h"

Q_LOGGING_CATEGORY(lcQtVirtQml, "qtvirt.qml", QtWarningMsg)
