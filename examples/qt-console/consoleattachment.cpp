// SPDX-License-Identifier: LGPL-2.1-or-later
#include "consoleattachment.h"

#include "consoleoptions.h"
#include "terminaltext.h"

#include <QtVirt/QVirtStream>

#include <QtCore/QDeadlineTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFutureWatcher>
#include <QtCore/QThread>
#include <QtCore/QUuid>

#include <libvirt/virterror.h>

namespace {

// libvirt's messages may quote what the daemon sent: made safe for a
// terminal, as everything else this class puts into a message.
QString libvirtMessage()
{
    return TerminalText::escaped(QString::fromUtf8(virGetLastErrorMessage()));
}

// virsh's own keepalive: a daemon that stops answering is noticed within
// about 30 s instead of never.
constexpr int KeepAliveIntervalSeconds = 5;
constexpr int KeepAliveCount = 6;

constexpr int DomainStateSettleMs = 2000;

} // namespace

ConsoleAttachment::~ConsoleAttachment()
{
    if (m_stream)
        m_stream->close();
}

bool ConsoleAttachment::attach(const ConsoleOptions &options, ExitCode *code, QString *message)
{
    if (!connect(options.uri, message)) {
        *code = ExitCode::ConnectFailed;
        return false;
    }
    if (!findDomain(options.domain, message)) {
        *code = ExitCode::NoSuchDomain;
        return false;
    }
    return openConsole(options, code, message);
}

bool ConsoleAttachment::openConsole(const ConsoleOptions &options, ExitCode *code, QString *message)
{
    // virDomainOpenConsole() runs in a worker thread and the stream is
    // delivered on the event loop: nothing else happens before the console
    // is there, so a local loop waits for it.
    QFuture<QVirtStream *> console = m_conn.openDomainConsole(
        QVirtDomainRef(QString::fromUtf8(virDomainGetName(m_domain.get())), m_domainUuid),
        options.deviceName, QVirtConnection::ConsoleFlags::fromInt(options.flags));
    QEventLoop loop;
    QFutureWatcher<QVirtStream *> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(console);
    if (!console.isFinished())
        loop.exec();
    try {
        m_stream.reset(console.result());
        return true;
    } catch (const QVirtError &error) {
        const QString detail = TerminalText::escaped(error.message());
        if (virDomainIsActive(m_domain.get()) == 0) {
            *code = ExitCode::ConsoleUnavailable;
            *message = tr("Domain '%1' is not running.").arg(m_domainName);
        } else if (error.code() == VIR_ERR_OPERATION_FAILED
                   && !(options.flags & VIR_DOMAIN_CONSOLE_FORCE)) {
            // What the QEMU and LXC drivers report for a console that
            // another client holds (src/conf/virchrdev.c).
            *code = ExitCode::ConsoleBusy;
            *message = tr("The console of domain '%1' is in use by another client: %2\n"
                          "Add --force to take it over; the other client is then "
                          "disconnected.")
                           .arg(m_domainName, detail);
        } else {
            *code = ExitCode::ConsoleUnavailable;
            *message = tr("Cannot open the console of domain '%1': %2").arg(m_domainName, detail);
        }
        return false;
    }
}

bool ConsoleAttachment::connect(const QString &uri, QString *message)
{
    m_uriText = uri.isEmpty() ? tr("libvirt's default hypervisor") : TerminalText::escaped(uri);
    m_conn.setKeepAliveInterval(KeepAliveIntervalSeconds);
    m_conn.setKeepAliveCount(KeepAliveCount);
    // Nothing can happen before the connection is there: a blocking open.
    if (!m_conn.openBlocking(uri)) {
        *message = tr("Cannot connect to %1: %2")
                       .arg(m_uriText, TerminalText::escaped(m_conn.errorString()));
        return false;
    }
    return true;
}

bool ConsoleAttachment::findDomain(const QString &domain, QString *message)
{
    const QByteArray key = domain.toUtf8();
    // virsh's order: an id, a UUID, then a name.
    bool isId = false;
    const int id = domain.toInt(&isId);
    if (isId && id >= 0)
        m_domain.reset(virDomainLookupByID(m_conn.handle(), id));
    if (!m_domain && !QUuid::fromString(domain).isNull())
        m_domain.reset(virDomainLookupByUUIDString(m_conn.handle(), key.constData()));
    if (!m_domain)
        m_domain.reset(virDomainLookupByName(m_conn.handle(), key.constData()));
    if (!m_domain) {
        *message = tr("Domain '%1' not found on %2: %3")
                       .arg(TerminalText::escaped(domain), m_uriText, libvirtMessage());
        return false;
    }
    const char *name = virDomainGetName(m_domain.get());
    m_domainName = TerminalText::escaped(name ? QString::fromUtf8(name) : domain);
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    if (virDomainGetUUIDString(m_domain.get(), uuid) == 0)
        m_domainUuid = QUuid::fromString(QLatin1String(uuid));
    virResetLastError();
    return true;
}

ExitCode ConsoleAttachment::explainEnd(const QString &streamError, QString *message) const
{
    // A lost connection is closed at once: its handle is null then.
    if (!m_conn.handle() || virConnectIsAlive(m_conn.handle()) != 1) {
        *message = tr("Lost the connection to %1 while attached to domain '%2'.")
                       .arg(m_uriText, m_domainName);
        return ExitCode::ConnectionLost;
    }
    // A destroyed domain's console closes with QEMU's pty, a moment before
    // libvirt marks the domain shut off: give the state that moment.
    const QDeadlineTimer settle(DomainStateSettleMs);
    int active = virDomainIsActive(m_domain.get());
    while (active == 1 && !settle.hasExpired()) {
        QThread::msleep(50);
        active = virDomainIsActive(m_domain.get());
    }
    QString reason;
    if (active == 0)
        reason = tr("the domain shut down");
    else if (!streamError.isEmpty())
        reason = TerminalText::escaped(streamError);
    else
        reason = tr("the hypervisor closed it");
    *message = tr("The console of domain '%1' hung up: %2.").arg(m_domainName, reason);
    return ExitCode::HungUp;
}
