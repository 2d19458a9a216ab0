// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/credentialbridge.h"

#include "common/logging.h"
#include "connection/qvirtconnection_p.h"
#include "connection/resultmailbox.h"

#include <QtVirt/qvirtconnection.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QMetaEnum>

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

// Overwrites a copy of an answer before its memory is released; unlike a
// plain memset, explicit_bzero() is never optimised away.
void wipe(char *data, size_t size)
{
    if (data)
        explicit_bzero(data, size);
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        wipe(bytes.data(), static_cast<size_t>(bytes.size()));
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
    const QList<QVirtCredential> asked = credentials;
    if (!self->ask(credentials))
        return -1;
    const QString refusal = checkAnswer(asked, credentials);
    if (!refusal.isEmpty()) {
        self->fail(refusal);
        return -1;
    }
    for (unsigned int i = 0; i < ncred; ++i) {
        const QVirtCredential &answer = credentials.at(static_cast<qsizetype>(i));
        QByteArray value
            = (answer.result().isEmpty() ? answer.defaultResult() : answer.result()).toUtf8();
        // libvirt frees the result with free().
        cred[i].result = strdup(value.constData());
        cred[i].resultlen = static_cast<unsigned int>(value.size());
        wipe(value);
        if (!cred[i].result) {
            // Leave no half-filled answer behind: after a failed callback,
            // some of libvirt's callers free the results and some do not.
            for (unsigned int j = 0; j < i; ++j) {
                wipe(cred[j].result, cred[j].resultlen);
                std::free(cred[j].result);
                cred[j].result = nullptr;
                cred[j].resultlen = 0;
            }
            self->fail(QCoreApplication::translate(
                "QVirtConnection", "out of memory while passing credentials to libvirt"));
            return -1;
        }
    }
    return 0;
}

QString CredentialBridge::checkAnswer(const QList<QVirtCredential> &asked,
                                      const QList<QVirtCredential> &answer)
{
    if (answer.size() != asked.size()) {
        return QCoreApplication::translate(
                   "QVirtConnection", "libvirt asked for %1 credential(s), but the answer holds %2")
            .arg(asked.size())
            .arg(answer.size());
    }
    const auto typeName = [](QVirtCredential::Type type) {
        const char *key
            = QMetaEnum::fromType<QVirtCredential::Type>().valueToKey(static_cast<int>(type));
        return key ? QString::fromLatin1(key) : QString::number(static_cast<int>(type));
    };
    for (qsizetype i = 0; i < asked.size(); ++i) {
        const QVirtCredential::Type wanted = asked.at(i).type();
        const QVirtCredential::Type given = answer.at(i).type();
        if (given != wanted) {
            return QCoreApplication::translate("QVirtConnection",
                                               "answer %1 to libvirt's credentials request is of "
                                               "type %2, but libvirt asked for %3")
                .arg(i + 1)
                .arg(typeName(given), typeName(wanted));
        }
        // A C string ends at the first NUL: libvirt would see less than the
        // answer, and a length that does not match what it sees.
        const QVirtCredential &entry = answer.at(i);
        if ((entry.result().isEmpty() ? entry.defaultResult() : entry.result())
                .contains(QChar(u'\0'))) {
            return QCoreApplication::translate(
                       "QVirtConnection",
                       "answer %1 to libvirt's credentials request contains a NUL character")
                .arg(i + 1);
        }
    }
    return QString();
}

void CredentialBridge::fail(const QString &message)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_failure = message;
}

QString CredentialBridge::failure() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_failure;
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
    } else if (!m_mailbox->post([credentials, self = weak_from_this()](QVirtConnection *owner) {
                   // Not for an open abandoned (close(), another open())
                   // after the request was posted: nobody waits for it.
                   const std::shared_ptr<CredentialBridge> bridge = self.lock();
                   if (bridge && QVirtConnectionPrivate::get(owner)->credentials == bridge)
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
    // Our copy of the answer goes as soon as it is used.
    m_answer.clear();
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
