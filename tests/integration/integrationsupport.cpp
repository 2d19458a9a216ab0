// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrationsupport.h"

#include "testsupport.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QThread>
#include <QtTest/QTest>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace QtVirtIntegration {

namespace {

bool inMainThread()
{
    return QThread::currentThread() == QCoreApplication::instance()->thread();
}

} // namespace

QString lastError()
{
    return QString::fromUtf8(virGetLastErrorMessage());
}

Connection openTestConnection()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TEST_URI");
    if (uri.isEmpty())
        return nullptr;
    Connection conn(virConnectOpen(uri.constData()));
    if (!conn) {
        QTest::qFail(qPrintable(QStringLiteral("cannot connect to %1: %2")
                                    .arg(QString::fromUtf8(uri), lastError())),
                     __FILE__, __LINE__);
    }
    return conn;
}

QByteArray namePrefix()
{
    return "qtvirt-it-" + QByteArray::number(QCoreApplication::applicationPid()) + '-';
}

QByteArray uniqueDomainName(const char *purpose)
{
    static std::atomic<int> serial{0};
    return namePrefix() + purpose + '-' + QByteArray::number(++serial);
}

QByteArray testDomainXml(const QByteArray &name)
{
    return "<domain type='test'><name>" + name
        + "</name><memory>8192</memory><os><type>hvm</type></os></domain>";
}

QString domainXml(virDomainPtr dom, unsigned int flags)
{
    char *xml = virDomainGetXMLDesc(dom, flags);
    const QString text = QString::fromUtf8(xml);
    std::free(xml); // NOLINT(cppcoreguidelines-no-malloc): libvirt allocated it
    return text;
}

QString guestCopyXml(virConnectPtr conn, const QByteArray &source, const QByteArray &copy,
                     QString *failure)
{
    const Domain guest(virDomainLookupByName(conn, source.constData()));
    QString text = guest ? domainXml(guest.get(), VIR_DOMAIN_XML_INACTIVE) : QString();
    if (text.isEmpty()) {
        *failure = lastError();
        return QString();
    }
    static const QRegularExpression nameElement(QStringLiteral("<name>[^<]*</name>"));
    static const QRegularExpression uuidElement(QStringLiteral("<uuid>[^<]*</uuid>"));
    static const QRegularExpression logElement(QStringLiteral("<log [^>]*/>"));
    text.replace(nameElement, QStringLiteral("<name>%1</name>").arg(QString::fromUtf8(copy)));
    text.remove(uuidElement);
    text.remove(logElement);
    return text;
}

QString runLifecycle(virConnectPtr conn, const QByteArray &name)
{
    const Domain dom(virDomainDefineXML(conn, testDomainXml(name).constData()));
    if (!dom)
        return QStringLiteral("define: ") + lastError();
    if (virDomainCreate(dom.get()) < 0)
        return QStringLiteral("start: ") + lastError();
    if (virDomainSuspend(dom.get()) < 0)
        return QStringLiteral("suspend: ") + lastError();
    if (virDomainResume(dom.get()) < 0)
        return QStringLiteral("resume: ") + lastError();
    if (virDomainDestroy(dom.get()) < 0)
        return QStringLiteral("destroy: ") + lastError();
    if (virDomainUndefine(dom.get()) < 0)
        return QStringLiteral("undefine: ") + lastError();
    return QString();
}

QList<LifecycleEvent> lifecycleEvents(const QByteArray &name)
{
    return {
        {name, VIR_DOMAIN_EVENT_DEFINED, VIR_DOMAIN_EVENT_DEFINED_ADDED},
        {name, VIR_DOMAIN_EVENT_STARTED, VIR_DOMAIN_EVENT_STARTED_BOOTED},
        {name, VIR_DOMAIN_EVENT_SUSPENDED, VIR_DOMAIN_EVENT_SUSPENDED_PAUSED},
        {name, VIR_DOMAIN_EVENT_RESUMED, VIR_DOMAIN_EVENT_RESUMED_UNPAUSED},
        {name, VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_DESTROYED},
        {name, VIR_DOMAIN_EVENT_UNDEFINED, VIR_DOMAIN_EVENT_UNDEFINED_REMOVED},
    };
}

DomainJanitor::~DomainJanitor()
{
    const QByteArray uri = qgetenv("QTVIRT_TEST_URI");
    if (m_names.isEmpty() || uri.isEmpty())
        return;
    Connection conn(virConnectOpen(uri.constData()));
    if (!conn)
        return;
    // One listing rather than a lookup per name: a lookup of a name that is
    // already gone makes libvirt print an error.
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(conn.get(), &domains, 0);
    for (int i = 0; i < count; ++i) {
        const Domain dom(domains[i]);
        if (!m_names.contains(QByteArray(virDomainGetName(dom.get()))))
            continue;
        if (virDomainIsActive(dom.get()) == 1)
            virDomainDestroy(dom.get());
        virDomainUndefine(dom.get());
    }
    std::free(domains);
}

QByteArray DomainJanitor::track(const QByteArray &name)
{
    m_names.append(name);
    return name;
}

char *toString(const LifecycleEvent &event)
{
    return qstrdup(QByteArray("(" + event.domain + ", event " + QByteArray::number(event.event)
                              + ", detail " + QByteArray::number(event.detail) + ")")
                       .constData());
}

LifecycleRecorder::LifecycleRecorder(virConnectPtr conn)
    : m_conn(conn)
{
    m_callbackId
        = virConnectDomainEventRegisterAny(conn, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                           VIR_DOMAIN_EVENT_CALLBACK(callback), this, nullptr);
}

LifecycleRecorder::~LifecycleRecorder()
{
    if (m_callbackId >= 0)
        virConnectDomainEventDeregisterAny(m_conn, m_callbackId);
}

void LifecycleRecorder::callback(virConnectPtr, virDomainPtr dom, int event, int detail,
                                 void *opaque)
{
    auto *self = static_cast<LifecycleRecorder *>(opaque);
    const QByteArray name = virDomainGetName(dom);
    // The testbed is shared: its own domain and other clients' do not count.
    if (!name.startsWith(namePrefix()))
        return;
    if (!inMainThread())
        ++self->m_outsideMainThread;
    self->m_events.append(LifecycleEvent{name, event, detail});
}

CloseRecorder::CloseRecorder(virConnectPtr conn)
    : m_conn(conn)
{
    m_registered = virConnectRegisterCloseCallback(conn, callback, this, nullptr) == 0;
}

CloseRecorder::~CloseRecorder()
{
    if (m_registered)
        virConnectUnregisterCloseCallback(m_conn, callback);
}

void CloseRecorder::callback(virConnectPtr, int reason, void *opaque)
{
    auto *self = static_cast<CloseRecorder *>(opaque);
    if (!inMainThread())
        ++self->m_outsideMainThread;
    ++self->m_count;
    self->m_lastReason = reason;
}

ProcessFreeze::ProcessFreeze(pid_t pid)
    : m_pid(pid)
{
    const QString script
        = QStringLiteral("while kill -0 \"$1\" 2>/dev/null; do sleep 0.2; done; kill -CONT \"$2\"");
    if (!QProcess::startDetached(QStringLiteral("/bin/sh"),
                                 {QStringLiteral("-c"), script, QStringLiteral("watchdog"),
                                  QString::number(QCoreApplication::applicationPid()),
                                  QString::number(pid)},
                                 QString(), &m_watchdogPid)) {
        m_error = QStringLiteral("cannot start the SIGCONT watchdog");
        return;
    }
    if (::kill(pid, SIGSTOP) != 0) {
        m_error = QStringLiteral("SIGSTOP to %1: %2")
                      .arg(pid)
                      .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    m_frozen = true;
}

ProcessFreeze::~ProcessFreeze()
{
    if (m_frozen)
        ::kill(m_pid, SIGCONT);
    // Before a later freeze, which the watchdog would otherwise end early.
    if (m_watchdogPid > 0)
        ::kill(static_cast<pid_t>(m_watchdogPid), SIGKILL);
}

bool processRuns(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype afterName = line.lastIndexOf(") ");
    return afterName >= 0 && line.mid(afterName + 2, 1) != "Z";
}

bool restartDaemonIfItCrashedOnThaw(pid_t daemon)
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_TEST_URI");
    // An open takes several round trips: when it ends, the daemon has read
    // the queued calls and the end of file of the closed client. The crash
    // follows on a worker thread within milliseconds.
    if (virConnectPtr probe = virConnectOpen(uri.constData()))
        virConnectClose(probe);
    QThread::msleep(100);
    if (processRuns(daemon))
        return true;
    qInfo("libvirtd (pid %d) died after the thaw (on libvirt 9.0: the race between a closed "
          "client's queued event deregistrations and its close hook, docs/testbed.md); "
          "restarting it",
          static_cast<int>(daemon));
    const QString error = QtVirtTest::restartTestbedDaemon();
    if (!error.isEmpty()) {
        QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return false;
    }
    return true;
}

} // namespace QtVirtIntegration
