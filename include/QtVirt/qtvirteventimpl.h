// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QTVIRTEVENTIMPL_H
#define QTVIRT_QTVIRTEVENTIMPL_H

#include <QtVirt/qtvirtglobal.h>

#include <QtCore/QDeadlineTimer>

#include <chrono>

/*!
    \class QtVirtEventImpl
    \brief Runs libvirt's event loop on the Qt event loop of one thread.

    libvirt needs an event loop implementation before it can deliver
    domain events, keepalive messages or stream data. QtVirtEventImpl
    provides one built from QSocketNotifier and QTimer, so that no extra
    thread and no polling is needed.

    \code
    int main(int argc, char **argv)
    {
        QCoreApplication app(argc, argv);
        QtVirtEventImpl::registerImpl();          // before virConnectOpen()
        virConnectPtr conn = virConnectOpen("qemu:///system");
        ...
        int rc = app.exec();
        virConnectClose(conn);
        QtVirtEventImpl::waitForPendingFrees();   // let libvirt release its sockets
        return rc;
    }
    \endcode

    Every libvirt entry point of the implementation may be called from any
    thread; the notifiers and timers themselves live in the thread that
    called registerImpl().

    \since 0.1
*/
class QTVIRT_EXPORT QtVirtEventImpl
{
public:
    QtVirtEventImpl() = delete;

    /*!
        Registers the implementation with libvirt (virEventRegisterImpl),
        bound to the calling thread's event loop, and returns \c true.

        It must run before the first connection is opened: libvirt cannot
        replace or unregister an event loop once one is registered.
        Calling it again from the same thread is harmless and returns
        \c true. It returns \c false, with a message on the
        \c qtvirt.event logging category, when there is no
        QCoreApplication, when it was already bound to another thread, or
        when another implementation was registered with libvirt first.
    */
    static bool registerImpl();

    /*! Returns \c true once registerImpl() has succeeded in this process. */
    static bool isRegistered();

    /*!
        Waits until every free callback that libvirt handed over with a
        removed handle or timeout has run, or until \a deadline expires.
        Returns \c true if none is left pending.

        It first waits for the connections that QVirtConnection is still
        closing in the background (see QVirtConnection::close()), whose
        handles are only removed once the daemon has answered. A daemon
        that answers takes milliseconds; a frozen one never answers, so the
        default deadline is half a second: called at exit, as in the example
        above, it cannot keep the application from ending. A connection
        still closing then is abandoned to its thread, which ends with the
        process; the free callbacks it would still bring are not waited
        for. Pass a longer deadline (or QDeadlineTimer::Forever) where
        every connection must be closed cleanly.

        From the loop thread it runs the pending callbacks itself; from any
        other thread it blocks until the loop thread has run them. Call it
        after closing the last connection, before the application exits,
        so that libvirt can release its sockets cleanly.

        Once QCoreApplication is being destroyed, libvirt calls from other
        threads (such as a connection still closing in the background) no
        longer wake the loop thread: their free callbacks then run only
        from a later call to this function in the loop thread.
    */
    static bool waitForPendingFrees(QDeadlineTimer deadline
                                    = QDeadlineTimer(std::chrono::milliseconds(500)));
};

#endif // QTVIRT_QTVIRTEVENTIMPL_H
