// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_COMMON_DETACHEDTHREAD_H
#define QTVIRT_COMMON_DETACHEDTHREAD_H

#include <QtCore/QLoggingCategory>

#include <functional>

// Runs work in a thread of its own that nobody joins. For libvirt calls that
// may block for as long as a frozen daemon stays frozen: a thread of
// QThreadPool::globalInstance() would be waited for by QCoreApplication's
// destructor, so one such call would keep the whole process from exiting.
// A detached thread still blocked at exit ends with the process.
//
// False, with a warning on the caller's category and work destroyed without
// having run, when no thread can be created. Never run here instead: work
// may wait for something only the calling thread can give it (an open
// waits for credentials the connection's thread hands over).
bool runInDetachedThread(std::function<void()> work, QMessageLogger::CategoryFunction category);

#endif // QTVIRT_COMMON_DETACHEDTHREAD_H
