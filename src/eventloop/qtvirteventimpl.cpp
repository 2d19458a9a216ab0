// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QtVirt/qtvirteventimpl.h>

#include "common/backgroundwork.h"
#include "common/logging.h"
#include "eventloop/glibsidechannelreadiness.h"
#include "eventloop/loopthreadbinding.h"
#include "eventloop/pollreadiness.h"
#include "eventloop/unixdeferredreadiness.h"

#include <QtCore/QAbstractEventDispatcher>

#include <libvirt/libvirt.h>

#include <fcntl.h>
#include <mutex>

namespace {

enum class Registration { None, Ours, Foreign };

std::mutex registrationMutex;
Registration registration = Registration::None;

LoopThreadBinding &binding()
{
    return *LoopThreadBinding::instance();
}

int addHandle(int fd, int events, virEventHandleCallback cb, void *opaque, virFreeCallback ff)
{
    if (fd < 0) {
        qCWarning(lcQtVirtEvent, "Refusing to watch invalid file descriptor %d", fd);
        return -1;
    }
    // A notifier on a closed fd makes Qt print "Invalid socket" and disable it.
    if (::fcntl(fd, F_GETFD) < 0) {
        qCWarning(lcQtVirtEvent, "Refusing to watch file descriptor %d: it is not open", fd);
        return -1;
    }
    if (!cb) {
        qCWarning(lcQtVirtEvent, "Refusing to watch file descriptor %d without a callback", fd);
        return -1;
    }
    return binding().addHandle(fd, events, cb, opaque, ff);
}

void updateHandle(int watch, int events)
{
    binding().updateHandle(watch, events);
}

int removeHandle(int watch)
{
    return binding().removeHandle(watch);
}

int addTimeout(int interval, virEventTimeoutCallback cb, void *opaque, virFreeCallback ff)
{
    if (!cb) {
        qCWarning(lcQtVirtEvent, "Refusing to add a timeout without a callback");
        return -1;
    }
    return binding().addTimeout(interval, cb, opaque, ff);
}

void updateTimeout(int timer, int interval)
{
    binding().updateTimeout(timer, interval);
}

int removeTimeout(int timer)
{
    return binding().removeTimeout(timer);
}

constexpr char foreignLoopMessage[]
    = "registerImpl(): another event loop implementation was registered with libvirt first";

// libvirt ignores a second virEventRegisterImpl() with only a line in its
// own log, so find out whose loop a registration now reaches.
bool libvirtCallsUs()
{
    const int probe = virEventAddTimeout(
        -1, [](int, void *) {}, nullptr, nullptr);
    if (probe <= 0)
        return false;
    const bool ours = binding().ownsTimeout(probe);
    virEventRemoveTimeout(probe);
    return ours;
}

// The cheapest way to learn an fd's exact revents on this dispatcher; see
// Readiness. QTVIRT_EVENT_READINESS=poll forces the portable one, for
// comparison and for dispatchers that neither fast path knows.
std::unique_ptr<Readiness> readinessFor(QAbstractEventDispatcher *dispatcher)
{
    if (qEnvironmentVariable("QTVIRT_EVENT_READINESS") == QLatin1String("poll"))
        return std::make_unique<PollReadiness>();
    if (dispatcher->inherits("QEventDispatcherGlib"))
        return std::make_unique<GlibSideChannelReadiness>();
    if (dispatcher->inherits("QEventDispatcherUNIX"))
        return std::make_unique<UnixDeferredReadiness>(dispatcher);
    return std::make_unique<PollReadiness>();
}

} // namespace

bool QtVirtEventImpl::registerImpl()
{
    std::lock_guard lock(registrationMutex);
    switch (registration) {
    case Registration::Ours:
        if (binding().isLoopThread())
            return true;
        qCWarning(lcQtVirtEvent,
                  "registerImpl(): libvirt's event loop is already bound to "
                  "another thread, and libvirt cannot rebind it");
        return false;
    case Registration::Foreign:
        qCWarning(lcQtVirtEvent, "%s", foreignLoopMessage);
        return false;
    case Registration::None:
        break;
    }

    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    if (!dispatcher) {
        qCWarning(lcQtVirtEvent,
                  "registerImpl(): this thread has no Qt event dispatcher; "
                  "create the QCoreApplication first");
        return false;
    }

    std::unique_ptr<Readiness> readiness = readinessFor(dispatcher);
    qCDebug(lcQtVirtEvent, "Binding libvirt's event loop to %s: %s",
            dispatcher->metaObject()->className(), readiness->name());
    LoopThreadBinding::install(std::move(readiness));
    virEventRegisterImpl(addHandle, updateHandle, removeHandle, addTimeout, updateTimeout,
                         removeTimeout);
    if (!libvirtCallsUs()) {
        registration = Registration::Foreign;
        qCWarning(lcQtVirtEvent, "%s", foreignLoopMessage);
        return false;
    }
    registration = Registration::Ours;
    return true;
}

bool QtVirtEventImpl::isRegistered()
{
    std::lock_guard lock(registrationMutex);
    return registration == Registration::Ours;
}

bool QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer deadline)
{
    // Background work, such as a connection being closed in a thread of its
    // own, hands its handles and timeouts over only when its libvirt call
    // returns. Blocking the loop thread meanwhile is safe: nothing there
    // waits for it.
    if (!BackgroundWork::waitUntilNone(deadline))
        return false;
    LoopThreadBinding *current = LoopThreadBinding::instance();
    return !current || current->waitForPendingFrees(deadline);
}
