// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_QUICKTESTBED_H
#define QTVIRT_TESTS_QUICKTESTBED_H

#include "integrationsupport.h"

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QTemporaryDir>
#include <QtQml/qqmlregistration.h>

#include <memory>

// `Testbed` in the Qt Quick tests (import QtVirtTest): the testbed's URIs
// and what a test does to its domains through plain libvirt calls on
// connections of its own, so that the events a QML Connection receives
// come from the daemon and not from the code under test. One per test
// file (each has an engine of its own); what it defined goes with it.
class QuickTestbed : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Testbed)
    QML_SINGLETON
    Q_PROPERTY(QString testUri READ testUri CONSTANT)
    Q_PROPERTY(QString qemuUri READ qemuUri CONSTANT)
    Q_PROPERTY(QString qemuDomain READ qemuDomain CONSTANT)
    // The remote host's test driver over qemu+libssh (test+libssh://), with
    // a known_hosts file of this object's own that starts empty, so that
    // libvirt asks whether to trust the host key before the password.
    Q_PROPERTY(QString libsshTestUri READ libsshTestUri CONSTANT)
    Q_PROPERTY(QString sshPassword READ sshPassword CONSTANT)

public:
    explicit QuickTestbed(QObject *parent = nullptr);

    QString testUri() const;
    QString qemuUri() const;
    QString qemuDomain() const;
    QString libsshTestUri() const;
    QString sshPassword() const;

    // On the test driver: a new domain (destroyed and undefined again when
    // the test ends), then started or destroyed. Each returns an empty
    // string or libvirt's error.
    Q_INVOKABLE QString defineTestDomain(const QString &purpose);
    Q_INVOKABLE QString startTestDomain(const QString &name);
    Q_INVOKABLE QString destroyTestDomain(const QString &name);

    // The testbed's QEMU guest: started, reset (QEMU reports a reset as a
    // reboot) and destroyed. Each returns an empty string or libvirt's error.
    Q_INVOKABLE QString startQemuDomain();
    Q_INVOKABLE QString resetQemuDomain();
    Q_INVOKABLE QString destroyQemuDomain();

    // The UUID of the test driver's domain name, or an empty string.
    Q_INVOKABLE QString testDomainUuid(const QString &name);

    // Stops the testbed's daemon (SIGSTOP) until thawDaemon() or the end of
    // the test file. Each returns an empty string or what went wrong.
    Q_INVOKABLE QString freezeDaemon();
    Q_INVOKABLE QString thawDaemon();

    // C++'s value of QVirtConnection::CloseReason key, to compare QML's
    // Connection.<key> with.
    Q_INVOKABLE int closeReasonValue(const QString &key) const;
    // C++'s value of QVirtCredential::Type key.
    Q_INVOKABLE int credentialTypeValue(const QString &key) const;

private:
    QString onTestDomain(const QString &name, int (*operation)(virDomainPtr));
    QString onQemuDomain(int (*operation)(virDomainPtr));

    QTemporaryDir m_dir;
    QtVirtIntegration::DomainJanitor m_janitor;
    QtVirtIntegration::Connection m_test;
    QtVirtIntegration::Connection m_qemu;
    std::unique_ptr<QtVirtIntegration::ProcessFreeze> m_freeze;
};

#endif // QTVIRT_TESTS_QUICKTESTBED_H
