// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/qvirtconnection_p.h"

#include "common/detachedthread.h"
#include "common/handoff.h"
#include "common/logging.h"
#include "common/serialworker.h"
#include "connection/connectionlink.h"
#include "connection/connectionteardown.h"
#include "connection/credentialbridge.h"
#include "connection/eventloopcheck.h"
#include "connection/openworker.h"
#include "connection/qvirtdomainevents_p.h"
#include "connection/resultmailbox.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QThread>

#include <libvirt/virterror.h>

#include <algorithm>

namespace {

// Errors on our connection reach the application through signals and
// futures; libvirt's default handler would also print each to stderr.
void ignoreLibvirtError(void *, virErrorPtr) { }

// How long connect() to a signal, close() and the destructor wait for the
// registrations or the teardown they queue before they leave them to the
// connection's worker: long enough for a daemon that answers (the callbacks
// are then in place, or gone, when they return), short enough that a frozen
// one costs the GUI thread no visible pause.
constexpr std::chrono::milliseconds DaemonGrace{40};

// Deletes the result of an open worker. A result that was never delivered
// (its owner was destroyed with it still queued, or before it was posted)
// still holds its connection, which is closed like any other in the
// background, with no grace: nobody waits for it.
void dropOpenResult(OpenResult *result)
{
    if (result->conn)
        ConnectionTeardown{std::move(result->conn), {}, nullptr}.start(
            std::chrono::milliseconds(0));
    delete result;
}

} // namespace

QVirtConnectionPrivate::QVirtConnectionPrivate(QVirtConnection *q)
    : q_ptr(q)
    , mailbox(std::make_shared<ResultMailbox>(q))
    , reconnectTimer(new QTimer(q))
{
    // libvirt initializes itself (and curl, libssh2 and OpenSSL with it) in
    // the first thread that calls it. Done here rather than in the first
    // open's worker thread, that state hangs off a long-lived thread, not
    // one that ends after the open (OpenSSL then leaks the per-thread part).
    virInitialize();
    reconnectTimer->setSingleShot(true);
    QObject::connect(reconnectTimer, &QTimer::timeout, q, [this] { startOpen(); });
}

QVirtConnectionPrivate::~QVirtConnectionPrivate() = default;

void QVirtConnectionPrivate::setState(QVirtConnection::State newState)
{
    Q_Q(QVirtConnection);
    if (state == newState)
        return;
    state = newState;
    Q_EMIT q->stateChanged(state);
}

void QVirtConnectionPrivate::setUri(const QString &newUri, bool newReadOnly)
{
    Q_Q(QVirtConnection);
    if (uri == newUri && readOnly == newReadOnly)
        return;
    uri = newUri;
    readOnly = newReadOnly;
    Q_EMIT q->uriChanged();
}

void QVirtConnectionPrivate::setError(QVirtConnection::Error newError, const QString &message)
{
    Q_Q(QVirtConnection);
    if (error == newError && errorString == message)
        return;
    error = newError;
    errorString = message;
    Q_EMIT q->errorChanged();
}

void QVirtConnectionPrivate::startOpen()
{
    const quint64 generation = ++openGeneration;
    if (credentials)
        credentials->cancel();
    credentials = std::make_shared<CredentialBridge>(mailbox, credentialsTimeout);
    // Not QThreadPool::globalInstance(): against a frozen daemon the open
    // never returns, and QCoreApplication's destructor waits for that pool.
    const bool started = runInDetachedThread(
        [uri = uri.toUtf8(), readOnly = readOnly, bridge = credentials, box = mailbox, generation] {
            std::shared_ptr<OpenResult> result(
                new OpenResult(openConnection(uri, readOnly, *bridge)), &dropOpenResult);
            box->post([result, generation](QVirtConnection *q) {
                QVirtConnectionPrivate::get(q)->finishOpen(generation, *result);
            });
        },
        lcQtVirtConnection);
    if (!started) {
        // Reported like any failed open, from the event loop.
        auto result = std::make_shared<OpenResult>();
        result->error = QVirtConnection::OpenError;
        result->errorString = QCoreApplication::translate(
            "QVirtConnection", "cannot open the connection: no thread could be started for it");
        mailbox->post([result, generation](QVirtConnection *q) {
            QVirtConnectionPrivate::get(q)->finishOpen(generation, *result);
        });
    }
}

void QVirtConnectionPrivate::finishOpen(quint64 generation, OpenResult &result)
{
    Q_Q(QVirtConnection);
    if (generation != openGeneration) {
        // Superseded by close() or another open(). Its virConnectClose() is
        // a round trip like any other teardown's, kept off this thread.
        if (result.conn)
            ConnectionTeardown{std::move(result.conn), {}, nullptr}.start(DaemonGrace);
        return;
    }
    credentials.reset();
    if (!result.conn) {
        setError(result.error, result.errorString);
        if (reconnecting) {
            scheduleReconnect();
        } else {
            setState(QVirtConnection::State::Closed);
        }
        Q_EMIT q->errorOccurred(error);
        return;
    }
    const bool alive = install(generation, result);
    const bool wasReconnect = reconnecting;
    reconnecting = false;
    backoff.reset();
    // As QAbstractSocket after a successful connect: the failures before
    // are history, and slots of opened() find no error.
    setError(QVirtConnection::NoError, QString());
    setState(QVirtConnection::State::Open);
    Q_EMIT q->opened();
    if (wasReconnect)
        Q_EMIT q->reconnected();
    // Reported as what it is, a loss, once the open was: autoReconnect
    // applies. Unless a slot above closed or replaced the connection.
    if (!alive && holds(generation)) {
        qCInfo(lcQtVirtConnection, "the connection was lost while it was being opened");
        handleLoss(VIR_CONNECT_CLOSE_REASON_ERROR);
    }
}

bool QVirtConnectionPrivate::install(quint64 generation, OpenResult &result)
{
    Q_Q(QVirtConnection);
    virConnectPtr c = result.conn.get();
    virConnSetErrorFunc(c, nullptr, ignoreLibvirtError);
    link = std::make_shared<ConnectionLink>(mailbox, generation);
    // Local drivers (test:///default) have no keepalive and say so.
    if (keepAliveInterval > 0 && virConnectSetKeepAlive(c, keepAliveInterval, keepAliveCount) < 0)
        qCInfo(lcQtVirtConnection, "no keepalive: %s", virGetLastErrorMessage());
    // No free callback for libvirt: a driver without close callbacks
    // (test:///default) accepts the registration without keeping it, and
    // would never call one. The teardown releases the link once the
    // callback is unregistered, when libvirt can no longer call it.
    closeCallbackOpaque = link->retain();
    if (virConnectRegisterCloseCallback(c, closeCallback, closeCallbackOpaque, nullptr) < 0) {
        ConnectionLink::release(closeCallbackOpaque);
        closeCallbackOpaque = nullptr;
        qCInfo(lcQtVirtConnection, "no close callback: %s", virGetLastErrorMessage());
    }
    // libvirt reports a loss only to a close callback registered by then,
    // and this one comes after the worker's round trips: a daemon that went
    // away in between is seen here or never. A loss right after the
    // registration is reported twice, and the generation check drops the
    // late one.
    // -1 says only that the driver cannot tell: not a loss.
    const bool alive = virConnectIsAlive(c) != 0;
    virResetLastError();
    conn = std::move(result.conn);
    worker = SerialWorker::create(lcQtVirtConnection);
    registrar = std::make_shared<EventRegistrar>(conn.get(), link);
    lastWishes.reset();
    registrationsSettled = true;
    const bool hostInfoChanged
        = hypervisorType != result.hypervisorType || hostName != result.hostName;
    hypervisorType = result.hypervisorType;
    hostName = result.hostName;
    if (alive)
        syncRegistrations();
    if (hostInfoChanged)
        Q_EMIT q->hostInfoChanged();
    return alive;
}

void QVirtConnectionPrivate::release()
{
    if (!conn)
        return;
    link.reset();
    ConnectionTeardown teardown{std::move(conn), std::move(registrar),
                                closeCallbackOpaque ? closeCallback : nullptr, closeCallbackOpaque,
                                std::move(worker)};
    closeCallbackOpaque = nullptr;
    std::move(teardown).start(DaemonGrace);
}

bool QVirtConnectionPrivate::holds(quint64 generation) const
{
    return link && link->generation() == generation;
}

void QVirtConnectionPrivate::closeCallback(virConnectPtr, int reason, void *opaque)
{
    // libvirt holds the close callback's lock while it calls us, and
    // unregistering or closing takes that lock: act from a clean stack.
    ConnectionLink::from(opaque).post([reason](QVirtConnection *q) { get(q)->handleLoss(reason); });
}

void QVirtConnectionPrivate::handleLoss(int reason)
{
    Q_Q(QVirtConnection);
    release();
    reconnecting = autoReconnect;
    setState(reconnecting ? QVirtConnection::State::Reconnecting : QVirtConnection::State::Closed);
    Q_EMIT q->closed(static_cast<QVirtConnection::CloseReason>(reason));
    if (reconnecting) {
        backoff.reset();
        scheduleReconnect();
    }
}

void QVirtConnectionPrivate::scheduleReconnect()
{
    reconnectTimer->start(backoff.next());
}

void QVirtConnectionPrivate::requestSync(SyncTiming timing)
{
    Q_Q(QVirtConnection);
    // connect() and disconnect() may run in any thread, and libvirt calls
    // belong to ours. disconnectNotify() may also run with Qt's connection
    // lock held, which isSignalConnected() takes (QObject::disconnectNotify
    // documentation): a deregistration always waits for the next loop pass.
    if (timing == SyncTiming::Now && QThread::currentThread() == q->thread())
        syncRegistrations();
    else
        mailbox->post([](QVirtConnection *owner) { get(owner)->syncRegistrations(); });
}

void QVirtConnectionPrivate::syncRegistrations()
{
    Q_Q(QVirtConnection);
    if (!registrar)
        return;
    EventRegistrar::Wishes wishes{
        EventRegistrations::wanted(
            EventRegistrar::connectionBindings(),
            [q](const QMetaMethod &signal) { return q->isSignalConnected(signal); }),
        {}};
    // A failed lookup is tried again at every sync, as long as a signal
    // of its object still has a receiver.
    bool retryLookup = false;
    for (QVirtDomainEventsPrivate *events : domainEvents) {
        wishes.domains.push_back(events->wish());
        const std::vector<bool> &wanted = wishes.domains.back().wanted;
        retryLookup = retryLookup
            || (events->lookupFailing
                && std::find(wanted.begin(), wanted.end(), true) != wanted.end());
    }
    // In a set's order, which a rehash changes: compared by key.
    std::sort(wishes.domains.begin(), wishes.domains.end(),
              [](const EventRegistrar::DomainWish &a, const EventRegistrar::DomainWish &b) {
                  return a.key < b.key;
              });
    if (wishes == lastWishes && !retryLookup)
        return;
    lastWishes = wishes;
    // Found in time, the lookups are reported here; later, from the event
    // loop, and only while this connection is still the current one.
    using Lookups = std::vector<EventRegistrar::Lookup>;
    const quint64 sync = ++syncCount;
    auto lookups = std::make_shared<Handoff<Lookups>>([late = link, sync](const Lookups &found) {
        late->post(
            [sync, found](QVirtConnection *owner) { get(owner)->reportLookups(sync, found); });
    });
    registrationsSettled
        = worker->run([registrar = registrar, wishes = std::move(wishes),
                       lookups] { lookups->put(registrar->sync(wishes)); },
                      unwaitedSyncs > 0 ? std::chrono::milliseconds(0) : DaemonGrace);
    if (const std::optional<Lookups> found = lookups->take())
        reportLookups(sync, *found);
}

void QVirtConnectionPrivate::afterRegistrations(const std::function<void()> &then)
{
    if (!worker || registrationsSettled) {
        then();
        return;
    }
    worker->run([late = link, then] { late->post([then](QVirtConnection *) { then(); }); },
                std::chrono::milliseconds(0));
}

void QVirtConnectionPrivate::reportLookups(quint64 sync,
                                           const std::vector<EventRegistrar::Lookup> &lookups)
{
    for (const EventRegistrar::Lookup &lookup : lookups) {
        for (QVirtDomainEventsPrivate *events : domainEvents) {
            if (events->key == lookup.key)
                events->lookedUp(sync, lookup.failure);
        }
    }
}

QVirtConnection::QVirtConnection(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<QVirtConnectionPrivate>(this))
{ }

QVirtConnection::~QVirtConnection()
{
    // Each deletion cancels a future, and its continuations may call this
    // object, even start another operation.
    while (!d->pendingOperations.empty())
        delete *d->pendingOperations.begin();
    d->mailbox->detach();
    if (d->credentials)
        d->credentials->cancel();
    d->release();
    // They die with this object's children, and must not reach back.
    for (QVirtDomainEventsPrivate *events : d->domainEvents)
        events->connection = nullptr;
    d->domainEvents.clear();
}

QVirtDomainEvents *QVirtConnection::domainEvents(const QVirtDomainRef &domain)
{
    if (!domain.isValid())
        return nullptr;
    // libvirt refuses a second callback of one function for the same event
    // and domain on one connection: one object per domain serves everyone.
    for (QVirtDomainEventsPrivate *events : d->domainEvents) {
        const QVirtDomainRef &known = events->domain;
        if (domain.uuid().isNull() ? known.uuid().isNull() && known.name() == domain.name()
                                   : known.uuid() == domain.uuid())
            return events->q;
    }
    return new QVirtDomainEvents(this, domain);
}

void QVirtConnection::open(const QString &uri, bool readOnly)
{
    warnIfNoEventLoop();
    close();
    d->setUri(uri, readOnly);
    d->setState(State::Opening);
    d->startOpen();
}

bool QVirtConnection::openBlocking(const QString &uri, bool readOnly)
{
    warnIfNoEventLoop();
    close();
    d->setUri(uri, readOnly);
    d->setState(State::Opening);
    const quint64 generation = ++d->openGeneration;
    auto bridge = std::make_shared<CredentialBridge>(this);
    d->credentials = bridge;
    OpenResult result = openConnection(uri.toUtf8(), readOnly, *bridge);
    d->finishOpen(generation, result);
    return isOpen();
}

void QVirtConnection::close()
{
    ++d->openGeneration;
    if (d->credentials) {
        d->credentials->cancel();
        d->credentials.reset();
    }
    d->reconnectTimer->stop();
    d->reconnecting = false;
    const bool wasOpen = d->conn != nullptr;
    d->release();
    d->setState(State::Closed);
    if (wasOpen)
        Q_EMIT closed(CloseReason::Client);
}

virConnectPtr QVirtConnection::handle() const
{
    return d->conn.get();
}

QString QVirtConnection::uri() const
{
    return d->uri;
}

bool QVirtConnection::isReadOnly() const
{
    return d->readOnly;
}

QVirtConnection::State QVirtConnection::state() const
{
    return d->state;
}

bool QVirtConnection::isOpen() const
{
    return state() == State::Open;
}

QString QVirtConnection::hypervisorType() const
{
    return d->hypervisorType;
}

QString QVirtConnection::hostName() const
{
    return d->hostName;
}

QVirtConnection::Error QVirtConnection::error() const
{
    return d->error;
}

QString QVirtConnection::errorString() const
{
    return d->errorString;
}

int QVirtConnection::keepAliveInterval() const
{
    return d->keepAliveInterval;
}

void QVirtConnection::setKeepAliveInterval(int seconds)
{
    seconds = qMax(seconds, 0);
    if (d->keepAliveInterval == seconds)
        return;
    d->keepAliveInterval = seconds;
    Q_EMIT keepAliveChanged();
}

int QVirtConnection::keepAliveCount() const
{
    return d->keepAliveCount;
}

void QVirtConnection::setKeepAliveCount(int count)
{
    count = qMax(count, 0);
    if (d->keepAliveCount == count)
        return;
    d->keepAliveCount = count;
    Q_EMIT keepAliveChanged();
}

bool QVirtConnection::autoReconnect() const
{
    return d->autoReconnect;
}

void QVirtConnection::setAutoReconnect(bool enabled)
{
    if (d->autoReconnect == enabled)
        return;
    d->autoReconnect = enabled;
    if (!enabled && d->reconnecting) {
        ++d->openGeneration;
        d->reconnectTimer->stop();
        d->reconnecting = false;
        d->setState(State::Closed);
    }
    Q_EMIT autoReconnectChanged();
}

void QVirtConnection::setReconnectDelays(std::chrono::milliseconds initial,
                                         std::chrono::milliseconds maximum)
{
    d->backoff.setLimits(initial, maximum);
}

std::chrono::milliseconds QVirtConnection::reconnectInitialDelay() const
{
    return d->backoff.initial();
}

std::chrono::milliseconds QVirtConnection::reconnectMaximumDelay() const
{
    return d->backoff.maximum();
}

void QVirtConnection::setCredentialsTimeout(std::chrono::milliseconds timeout)
{
    d->credentialsTimeout = timeout;
}

std::chrono::milliseconds QVirtConnection::credentialsTimeout() const
{
    return d->credentialsTimeout;
}

void QVirtConnection::answerCredentials(const QList<QVirtCredential> &credentials)
{
    if (d->credentials)
        d->credentials->answer(credentials);
}

void QVirtConnection::rejectCredentials()
{
    if (d->credentials)
        d->credentials->reject();
}

void QVirtConnection::connectNotify(const QMetaMethod &)
{
    d->requestSync(QVirtConnectionPrivate::SyncTiming::Now);
}

void QVirtConnection::disconnectNotify(const QMetaMethod &)
{
    d->requestSync(QVirtConnectionPrivate::SyncTiming::Later);
}
