// SPDX-License-Identifier: LGPL-2.1-or-later
#include "quicktestbed.h"

#include "testsupport.h"

#include <QtVirt/QVirtConnection>

#include <QtCore/QFile>
#include <QtCore/QMetaEnum>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

using namespace QtVirtIntegration;

namespace {

int resetDomain(virDomainPtr dom)
{
    return virDomainReset(dom, 0);
}

} // namespace

QuickTestbed::QuickTestbed(QObject *parent)
    : QObject(parent)
{ }

QString QuickTestbed::testUri() const
{
    return QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
}

QString QuickTestbed::qemuUri() const
{
    return QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_QEMU_URI"));
}

QString QuickTestbed::qemuDomain() const
{
    return QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TESTBED_DOMAIN"));
}

QString QuickTestbed::libsshTestUri() const
{
    QUrl url(QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_LIBSSH_TEST_URI")));
    if (!url.isValid() || !m_dir.isValid())
        return {};
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("known_hosts"));
    query.addQueryItem(QStringLiteral("known_hosts"),
                       m_dir.filePath(QStringLiteral("known_hosts")));
    url.setQuery(query);
    return url.toString();
}

QString QuickTestbed::sshPassword() const
{
    QFile file(QString::fromLocal8Bit(QtVirtTest::testbedValue("QTVIRT_SSH_PASSWORD_FILE")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll().trimmed());
}

QString QuickTestbed::defineTestDomain(const QString &purpose)
{
    if (!m_test)
        m_test = openTestConnection();
    if (!m_test)
        return {};
    const QByteArray name = m_janitor.track(uniqueDomainName(purpose.toUtf8().constData()));
    const Domain dom(virDomainDefineXML(m_test.get(), testDomainXml(name).constData()));
    return dom ? QString::fromUtf8(name) : QString();
}

QString QuickTestbed::onTestDomain(const QString &name, int (*operation)(virDomainPtr))
{
    if (!m_test)
        return QStringLiteral("no domain defined yet");
    const Domain dom(virDomainLookupByName(m_test.get(), name.toUtf8().constData()));
    if (!dom || operation(dom.get()) < 0)
        return lastError();
    return {};
}

QString QuickTestbed::startTestDomain(const QString &name)
{
    return onTestDomain(name, virDomainCreate);
}

QString QuickTestbed::destroyTestDomain(const QString &name)
{
    return onTestDomain(name, virDomainDestroy);
}

QString QuickTestbed::testDomainUuid(const QString &name)
{
    if (!m_test)
        m_test = openTestConnection();
    const Domain dom(m_test ? virDomainLookupByName(m_test.get(), name.toUtf8().constData())
                            : nullptr);
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    if (!dom || virDomainGetUUIDString(dom.get(), uuid) < 0)
        return {};
    return QString::fromLatin1(uuid);
}

QString QuickTestbed::freezeDaemon()
{
    if (m_freeze)
        return QStringLiteral("the daemon is frozen already");
    m_freeze = std::make_unique<ProcessFreeze>(pid_t(QtVirtTest::testbedDaemonPid()));
    if (!m_freeze->isFrozen()) {
        const QString error = m_freeze->errorString();
        m_freeze.reset();
        return error;
    }
    return {};
}

QString QuickTestbed::thawDaemon()
{
    if (!m_freeze)
        return QStringLiteral("the daemon is not frozen");
    m_freeze.reset();
    if (!restartDaemonIfItCrashedOnThaw(pid_t(QtVirtTest::testbedDaemonPid())))
        return QStringLiteral("no daemon runs after the thaw");
    return {};
}

QString QuickTestbed::onQemuDomain(int (*operation)(virDomainPtr))
{
    if (!m_qemu)
        m_qemu.reset(virConnectOpen(qemuUri().toUtf8().constData()));
    if (!m_qemu)
        return lastError();
    const Domain dom(virDomainLookupByName(m_qemu.get(), qemuDomain().toUtf8().constData()));
    if (!dom || operation(dom.get()) < 0)
        return lastError();
    return {};
}

QString QuickTestbed::startQemuDomain()
{
    return onQemuDomain(virDomainCreate);
}

QString QuickTestbed::resetQemuDomain()
{
    return onQemuDomain(resetDomain);
}

QString QuickTestbed::destroyQemuDomain()
{
    return onQemuDomain(virDomainDestroy);
}

int QuickTestbed::closeReasonValue(const QString &key) const
{
    return QMetaEnum::fromType<QVirtConnection::CloseReason>().keyToValue(key.toUtf8().constData());
}

int QuickTestbed::credentialTypeValue(const QString &key) const
{
    return QMetaEnum::fromType<QVirtCredential::Type>().keyToValue(key.toUtf8().constData());
}
