// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/credentialbridge.h"

#include "common/logging.h"
#include "connection/resultmailbox.h"

#include <QtVirt/qvirtconnection.h>

#include <array>
#include <cstdlib>
#include <cstring>

namespace {

// Every type libvirt defines: the application decides what it can answer.
std::array<int, 9> credentialTypes = {
    VIR_CRED_USERNAME,     VIR_CRED_AUTHNAME,   VIR_CRED_LANGUAGE,
    VIR_CRED_CNONCE,       VIR_CRED_PASSPHRASE, VIR_CRED_ECHOPROMPT,
    VIR_CRED_NOECHOPROMPT, VIR_CRED_REALM,      VIR_CRED_EXTERNAL,
};

QString fromUtf8OrEmpty(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

} // namespace

CredentialBridge::CredentialBridge(std::shared_ptr<ResultMailbox> mailbox,
                                   std::chrono::milliseconds timeout)
    : m_mailbox(std::move(mailbox))
    , m_timeout(timeout)
{ }

CredentialBridge::CredentialBridge(QVirtConnection *direct)
    : m_direct(direct)
{ }

virConnectAuth CredentialBridge::auth()
{
    return virConnectAuth{credentialTypes.data(), static_cast<unsigned int>(credentialTypes.size()),
                          &CredentialBridge::callback, this};
}

int CredentialBridge::callback(virConnectCredentialPtr cred, unsigned int ncred, void *cbdata)
{
    auto *self = static_cast<CredentialBridge *>(cbdata);
    QList<QVirtCredential> credentials;
    for (unsigned int i = 0; i < ncred; ++i) {
        credentials.append(QVirtCredential(
            static_cast<QVirtCredential::Type>(cred[i].type), fromUtf8OrEmpty(cred[i].prompt),
            fromUtf8OrEmpty(cred[i].challenge), fromUtf8OrEmpty(cred[i].defresult)));
    }
    if (!self->ask(credentials) || credentials.size() != static_cast<qsizetype>(ncred))
        return -1;
    for (unsigned int i = 0; i < ncred; ++i) {
        const QVirtCredential &answer = credentials.at(static_cast<qsizetype>(i));
        const QByteArray value
            = (answer.result().isEmpty() ? answer.defaultResult() : answer.result()).toUtf8();
        // libvirt frees the result with free().
        cred[i].result = strdup(value.constData());
        cred[i].resultlen = static_cast<unsigned int>(value.size());
    }
    return 0;
}

bool CredentialBridge::ask(QList<QVirtCredential> &credentials)
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_state == State::Canceled)
            return false;
        m_state = State::Waiting;
        m_answer.clear();
    }
    if (m_direct) {
        Q_EMIT m_direct->credentialsRequested(credentials);
    } else if (!m_mailbox->post([credentials](QVirtConnection *owner) {
                   Q_EMIT owner->credentialsRequested(credentials);
               })) {
        return false;
    }

    std::unique_lock<std::mutex> lock(m_mutex);
    if (!m_direct) {
        const bool settled
            = m_changed.wait_for(lock, m_timeout, [this] { return m_state != State::Waiting; });
        if (!settled)
            qCWarning(lcQtVirtConnection, "no answer to libvirt's credentials request in time");
    }
    const bool answered = m_state == State::Answered;
    if (answered)
        credentials = m_answer;
    if (m_state != State::Canceled)
        m_state = State::Idle;
    return answered;
}

void CredentialBridge::answer(const QList<QVirtCredential> &credentials)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_state != State::Waiting)
        return;
    m_answer = credentials;
    m_state = State::Answered;
    m_changed.notify_all();
}

void CredentialBridge::reject()
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_state != State::Waiting)
        return;
    m_state = State::Rejected;
    m_changed.notify_all();
}

void CredentialBridge::cancel()
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_state = State::Canceled;
    m_changed.notify_all();
}
