// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/crossthreadwake.h"

#include <QtCore/QCoreApplication>

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void *address);
extern "C" void __tsan_release(void *address);
extern "C" void __tsan_ignore_thread_begin();
extern "C" void __tsan_ignore_thread_end();
#define QTVIRT_TSAN_ACQUIRE(address) __tsan_acquire(address)
#define QTVIRT_TSAN_RELEASE(address) __tsan_release(address)
#define QTVIRT_TSAN_IGNORE_BEGIN() __tsan_ignore_thread_begin()
#define QTVIRT_TSAN_IGNORE_END() __tsan_ignore_thread_end()
#else
#define QTVIRT_TSAN_ACQUIRE(address)
#define QTVIRT_TSAN_RELEASE(address)
#define QTVIRT_TSAN_IGNORE_BEGIN()
#define QTVIRT_TSAN_IGNORE_END()
#endif

namespace {

QEvent::Type wakeType()
{
    static const auto type = QEvent::Type(QEvent::registerEventType());
    return type;
}

} // namespace

namespace CrossThreadWake {

void post(QObject *receiver)
{
    auto *event = new QEvent(wakeType());
    QTVIRT_TSAN_RELEASE(event);
    // The receiving thread's list of posted events grows here and shrinks
    // there, under QtCore's lock: its memmove() calls are all the sanitizer
    // would see of it.
    QTVIRT_TSAN_IGNORE_BEGIN();
    QCoreApplication::postEvent(receiver, event);
    QTVIRT_TSAN_IGNORE_END();
}

bool receive(QEvent *event)
{
    // Before reading anything of it: it may be a wake from another thread.
    QTVIRT_TSAN_ACQUIRE(event);
    return event->type() == wakeType();
}

} // namespace CrossThreadWake
