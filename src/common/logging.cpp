// SPDX-License-Identifier: LGPL-2.1-or-later
#include "common/logging.h"

Q_LOGGING_CATEGORY(lcQtVirtEvent, "qtvirt.event", QtWarningMsg)
Q_LOGGING_CATEGORY(lcQtVirtStream, "qtvirt.stream", QtWarningMsg)
Q_LOGGING_CATEGORY(lcQtVirtConnection, "qtvirt.connection", QtWarningMsg)
Q_LOGGING_CATEGORY(lcQtVirtModel, "qtvirt.model", QtWarningMsg)
