// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_FDWATCH_H
#define QTVIRT_EVENTLOOP_FDWATCH_H

#include <QtCore/QSocketNotifier>

#include <memory>

class EventRegistry;

// The notifiers of one file descriptor, shared by every libvirt handle
// registered on it. Loop thread only.
//
// libvirt may register one fd several times with different event sets, but
// Qt's Unix dispatcher keeps a single slot per (fd, type): a second notifier
// takes the slot over and the first goes deaf. So there is at most one Read
// and one Write notifier per fd, and they serve the union of the sets.
class FdWatch
{
public:
    FdWatch(int fd, EventRegistry &registry);
    ~FdWatch();
    FdWatch(const FdWatch &) = delete;
    FdWatch &operator=(const FdWatch &) = delete;

    // Listens for the libvirt READABLE/WRITABLE bits in events.
    void setWanted(int events);

    // Drops the notifiers at once, so that the fd may be closed and reused,
    // and destroys this watch, now or, when a callback of it is still on
    // the stack, as soon as that callback returns.
    void retire();

private:
    void activated(QSocketNotifier::Type type);
    int pollRevents() const;
    void applyNotifierState();
    void setNotifierEnabled(std::unique_ptr<QSocketNotifier> &notifier, QSocketNotifier::Type type,
                            bool enabled);

    const int m_fd;
    EventRegistry &m_registry;
    std::unique_ptr<QSocketNotifier> m_read;
    std::unique_ptr<QSocketNotifier> m_write;
    int m_wanted = 0;
    // READABLE/WRITABLE sides silenced while a callback of theirs runs a
    // nested event loop, so that the still-ready fd does not spin it.
    int m_suspended = 0;
    int m_dispatchDepth = 0;
    bool m_retired = false;
};

#endif // QTVIRT_EVENTLOOP_FDWATCH_H
