// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_CREDENTIALBRIDGE_H
#define QTVIRT_CONNECTION_CREDENTIALBRIDGE_H

#include <QtVirt/qvirtcredential.h>

#include <QtCore/QList>
#include <QtCore/QString>

#include <libvirt/libvirt.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

class QVirtConnection;
class ResultMailbox;

// Carries libvirt's authentication callback, which runs in the thread that
// opens the connection, to the application in the connection's thread, and
// the answer back. The opening thread waits on a condition variable with a
// timeout, never on the connection's thread, so neither can deadlock the
// other; cancel() releases a waiting opener at once.
class CredentialBridge : public std::enable_shared_from_this<CredentialBridge>
{
public:
    // Asynchronous: requests travel through mailbox and are waited for.
    CredentialBridge(std::shared_ptr<ResultMailbox> mailbox, std::chrono::milliseconds timeout);
    // Synchronous (openBlocking): requests are emitted on direct, in the
    // calling thread, and must be answered before the emission returns.
    explicit CredentialBridge(QVirtConnection *direct);

    // What virConnectOpenAuth() gets; cbdata must be this bridge.
    virConnectAuth auth();

    void answer(const QList<QVirtCredential> &credentials);
    void reject();
    // For good: every later request fails at once.
    void cancel();

    // Why the last answer was refused before it reached libvirt (the
    // failed open should say so, not libvirt's generic "request failed");
    // empty if none was.
    QString failure() const;

private:
    enum class State { Idle, Waiting, Answered, Rejected, Canceled };

    static int callback(virConnectCredentialPtr cred, unsigned int ncred, void *cbdata);
    // Why answer cannot go to libvirt for what it asked, or an empty string.
    // Answers are matched by position, so each must be of the type asked
    // for: a reordered list must not put a password where a user name goes.
    static QString checkAnswer(const QList<QVirtCredential> &asked,
                               const QList<QVirtCredential> &answer);
    bool ask(QList<QVirtCredential> &credentials);
    void fail(const QString &message);

    const std::shared_ptr<ResultMailbox> m_mailbox;
    QVirtConnection *const m_direct = nullptr;
    const std::chrono::milliseconds m_timeout{0};
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    State m_state = State::Idle;
    QList<QVirtCredential> m_answer;
    QString m_failure;
};

#endif // QTVIRT_CONNECTION_CREDENTIALBRIDGE_H
