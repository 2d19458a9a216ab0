// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloopforengine.h"

#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QLoggingCategory>
#include <QtCore/QThread>
#include <QtQml/QQmlEngine>

#include <atomic>

Q_LOGGING_CATEGORY(lcQtVirtQml, "qtvirt.qml", QtWarningMsg)

void ensureEventLoopForEngine(QQmlEngine *engine)
{
    if (engine->thread() != QThread::currentThread())
        return; // Qt calls initializeEngine() in the engine's thread
    // registerImpl()'s answer for a thread never changes once given, and
    // each failed call logs its own reason: ask once per thread.
    thread_local bool tried = false;
    if (tried)
        return;
    tried = true;
    if (QtVirtEventImpl::registerImpl())
        return;

    static std::atomic<bool> warned = false;
    if (warned.exchange(true))
        return;
    const char *const reason = QtVirtEventImpl::isRegistered()
        ? "it is already bound to another thread"
        : "another event loop implementation was registered with libvirt first";
    qCWarning(lcQtVirtQml,
              "import QtVirt: libvirt's event loop could not be registered in this QML engine's "
              "thread, because %s. Connection and DomainModel get libvirt's events only while "
              "that other loop runs; otherwise domains are listed once and never change. To run "
              "it here, call QtVirtEventImpl::registerImpl() in the QML engine's thread before "
              "anything else registers an event loop with libvirt and before a connection opens.",
              reason);
}
