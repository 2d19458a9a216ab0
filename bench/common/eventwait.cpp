// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventwait.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QTimer>

bool runEventsUntil(const std::function<bool()> &done, int deadlineMs)
{
    const QDeadlineTimer deadline(deadlineMs);
    // Wakes the loop when nothing else does, so that the deadline holds.
    QTimer wake;
    wake.start(5);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        // Returns once it has handled what woke it: done() is asked after
        // every event that may have changed it.
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}
