// SPDX-License-Identifier: LGPL-2.1-or-later
#include "common/crossthreadcall.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QEvent>

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

QEvent::Type callEventType()
{
    static const auto type = QEvent::Type(QEvent::registerEventType());
    return type;
}

class CallEvent : public QEvent
{
public:
    explicit CallEvent(std::function<void()> call)
        : QEvent(callEventType())
        , m_call(std::move(call))
    { }

    void run() const { m_call(); }

private:
    const std::function<void()> m_call;
};

} // namespace

namespace CrossThreadCall {

void post(QObject *receiver, std::function<void()> call)
{
    auto *event = new CallEvent(std::move(call));
    QTVIRT_TSAN_RELEASE(event);
    // The receiving thread's list of posted events grows here and shrinks
    // there, under QtCore's lock: its memmove() calls are all the sanitizer
    // would see of it.
    QTVIRT_TSAN_IGNORE_BEGIN();
    QCoreApplication::postEvent(receiver, event);
    QTVIRT_TSAN_IGNORE_END();
}

bool deliver(QEvent *event)
{
    // Before reading anything of it: it may come from another thread.
    QTVIRT_TSAN_ACQUIRE(event);
    if (event->type() != callEventType())
        return false;
    static_cast<CallEvent *>(event)->run();
    return true;
}

} // namespace CrossThreadCall
