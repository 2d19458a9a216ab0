// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_INTEGRATIONSUPPORT_H
#define QTVIRT_TESTS_INTEGRATIONSUPPORT_H

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <memory>
#include <sys/types.h>

// Helpers shared by the integration tests, which talk to the testbed daemon
// (scripts/testbed) through QTVIRT_TEST_URI.
namespace QtVirtIntegration {

struct ConnectionCloser
{
    void operator()(virConnectPtr conn) const { virConnectClose(conn); }
};
using Connection = std::unique_ptr<virConnect, ConnectionCloser>;

struct DomainReleaser
{
    void operator()(virDomainPtr dom) const { virDomainFree(dom); }
};
using Domain = std::unique_ptr<virDomain, DomainReleaser>;

// libvirt's message for the last error of the calling thread.
QString lastError();

// A new connection to QTVIRT_TEST_URI. Null when it fails, after failing
// the current test (also when the testbed environment is missing).
Connection openTestConnection();

// A domain name no other test run uses at the same time: it carries the
// process id, and every name this process makes starts with namePrefix().
QByteArray uniqueDomainName(const char *purpose);
QByteArray namePrefix();

// The smallest domain the test driver accepts.
QByteArray testDomainXml(const QByteArray &name);

// virDomainGetXMLDesc(dom, flags) as text; empty when libvirt gives none
// (lastError() says why, while dom lives).
QString domainXml(virDomainPtr dom, unsigned int flags = 0);

// The inactive definition (VIR_DOMAIN_XML_INACTIVE) of the domain named
// source on conn (the testbed guest) under the name copy, without its UUID
// and serial log: a guest of the same kernel and initramfs that can run
// beside it. Empty, with
// *failure set to libvirt's message, when libvirt cannot give it.
QString guestCopyXml(virConnectPtr conn, const QByteArray &source, const QByteArray &copy,
                     QString *failure);

struct LifecycleEvent
{
    QByteArray domain;
    int event;
    int detail;

    friend bool operator==(const LifecycleEvent &a, const LifecycleEvent &b)
    {
        return a.domain == b.domain && a.event == b.event && a.detail == b.detail;
    }
};
// For QCOMPARE's messages.
char *toString(const LifecycleEvent &event);

// Defines the domain and takes it through start, suspend, resume, destroy
// and undefine. Returns what failed, or an empty string.
QString runLifecycle(virConnectPtr conn, const QByteArray &name);
// The events runLifecycle() causes, in order.
QList<LifecycleEvent> lifecycleEvents(const QByteArray &name);

// Destroys and undefines, on its own connection, whichever of the domains it
// was told about still exist: a failing test must not leave domains behind.
class DomainJanitor
{
public:
    DomainJanitor() = default;
    ~DomainJanitor();
    DomainJanitor(const DomainJanitor &) = delete;
    DomainJanitor &operator=(const DomainJanitor &) = delete;

    // Returns name, now in the janitor's care.
    QByteArray track(const QByteArray &name);

private:
    QList<QByteArray> m_names;
};

// The lifecycle events of domains named with namePrefix() that reach one
// connection, in arrival order, and whether each callback ran in the thread
// of the QCoreApplication. Deregisters on destruction.
class LifecycleRecorder
{
public:
    explicit LifecycleRecorder(virConnectPtr conn);
    ~LifecycleRecorder();
    LifecycleRecorder(const LifecycleRecorder &) = delete;
    LifecycleRecorder &operator=(const LifecycleRecorder &) = delete;

    bool isRegistered() const { return m_callbackId >= 0; }
    const QList<LifecycleEvent> &events() const { return m_events; }
    int callbacksOutsideMainThread() const { return m_outsideMainThread; }

private:
    static void callback(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *opaque);

    virConnectPtr const m_conn;
    int m_callbackId = -1;
    QList<LifecycleEvent> m_events;
    int m_outsideMainThread = 0;
};

// The close callback of one connection: how often it ran, with what reason,
// and in which thread. Unregisters on destruction.
class CloseRecorder
{
public:
    explicit CloseRecorder(virConnectPtr conn);
    ~CloseRecorder();
    CloseRecorder(const CloseRecorder &) = delete;
    CloseRecorder &operator=(const CloseRecorder &) = delete;

    bool isRegistered() const { return m_registered; }
    int count() const { return m_count; }
    int lastReason() const { return m_lastReason; }
    int callbacksOutsideMainThread() const { return m_outsideMainThread; }

private:
    static void callback(virConnectPtr conn, int reason, void *opaque);

    virConnectPtr const m_conn;
    bool m_registered = false;
    int m_count = 0;
    int m_lastReason = -1;
    int m_outsideMainThread = 0;
};

// Freezes a process with SIGSTOP for its own lifetime. SIGCONT follows on
// every way out of the scope, and a watchdog process sends it as well should
// this process die first, so that a crash cannot leave the shared testbed
// daemon frozen for every later test.
class ProcessFreeze
{
public:
    explicit ProcessFreeze(pid_t pid);
    ~ProcessFreeze();
    ProcessFreeze(const ProcessFreeze &) = delete;
    ProcessFreeze &operator=(const ProcessFreeze &) = delete;

    // False when SIGSTOP could not be sent; errorString() says why.
    bool isFrozen() const { return m_frozen; }
    QString errorString() const { return m_error; }

private:
    const pid_t m_pid;
    qint64 m_watchdogPid = 0;
    bool m_frozen = false;
    QString m_error;
};

// True while pid names a process that has not exited: false once it is a
// zombie (not reaped yet, as a child of libvirt's may be) or gone (a process
// that is no child of ours is reaped by init and vanishes).
bool processRuns(pid_t pid);

// libvirtd 9.0 can crash right after a thaw: when a client's connection
// closed (its keepalive gave up, or the process ended) while that client's
// event deregistrations still waited in the frozen daemon, the daemon's
// close hook and the queued deregistrations race over the client's callback
// list (docs/testbed.md, "libvirtd's crash after a thaw"). The tests that
// provoke exactly that call this once the daemon runs again: a probe open
// lets the daemon work through what was queued; should the daemon have
// crashed, that is reported (qInfo, with the pid) and it is restarted, so
// that the upstream crash does not fail every later test of the suite.
// Returns false, failing the current test, only if no daemon runs afterwards.
bool restartDaemonIfItCrashedOnThaw(pid_t daemon);

} // namespace QtVirtIntegration

#endif // QTVIRT_TESTS_INTEGRATIONSUPPORT_H
