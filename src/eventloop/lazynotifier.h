// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_LAZYNOTIFIER_H
#define QTVIRT_EVENTLOOP_LAZYNOTIFIER_H

#include <QtCore/QSocketNotifier>

#include <memory>

// Enables or disables a notifier, created on its first enabling and only
// toggled after: the RPC client flips between 0 and READABLE around every
// call it makes. Returns whether this call enabled it.
template<typename Activated>
bool setNotifierEnabled(std::unique_ptr<QSocketNotifier> &notifier, int fd,
                        QSocketNotifier::Type type, bool enabled, Activated activated)
{
    if (notifier && notifier->isEnabled() == enabled)
        return false;
    if (notifier) {
        notifier->setEnabled(enabled);
        return enabled;
    }
    if (!enabled)
        return false;
    notifier = std::make_unique<QSocketNotifier>(fd, type);
    QObject::connect(notifier.get(), &QSocketNotifier::activated, notifier.get(), activated);
    return true;
}

#endif // QTVIRT_EVENTLOOP_LAZYNOTIFIER_H
