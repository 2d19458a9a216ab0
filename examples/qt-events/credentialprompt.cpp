// SPDX-License-Identifier: LGPL-2.1-or-later
#include "credentialprompt.h"

#include "terminaltext.h"

#include <QtCore/QSocketNotifier>
#include <QtCore/QTextStream>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace {

bool isSecret(QVirtCredential::Type type)
{
    return type == QVirtCredential::Type::Passphrase || type == QVirtCredential::Type::NoEchoPrompt;
}

// The types a person answers; the others (language, client nonce,
// external) take libvirt's default, as virsh's do.
bool isAsked(QVirtCredential::Type type)
{
    switch (type) {
    case QVirtCredential::Type::UserName:
    case QVirtCredential::Type::AuthName:
    case QVirtCredential::Type::EchoPrompt:
    case QVirtCredential::Type::Realm:
    case QVirtCredential::Type::Passphrase:
    case QVirtCredential::Type::NoEchoPrompt:
        return true;
    case QVirtCredential::Type::Language:
    case QVirtCredential::Type::ClientNonce:
    case QVirtCredential::Type::External:
        break;
    }
    return false;
}

// Overwrites what held an answer before the memory is released (a plain
// memset() may be optimised away).
void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        explicit_bzero(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

} // namespace

CredentialPrompt::CredentialPrompt(QVirtConnection *conn, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_conn(conn)
    , m_err(err)
{
    connect(conn, &QVirtConnection::credentialsRequested, this, &CredentialPrompt::ask);
}

CredentialPrompt::~CredentialPrompt()
{
    setEcho(true);
    wipe(m_input);
}

void CredentialPrompt::ask(const QList<QVirtCredential> &credentials)
{
    m_credentials = credentials;
    m_next = 0;
    if (!m_notifier && !m_inputEnded) {
        m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &CredentialPrompt::readInput);
    }
    askNext();
}

void CredentialPrompt::askNext()
{
    while (m_next < m_credentials.size() && !isAsked(m_credentials.at(m_next).type()))
        ++m_next;
    if (m_next == m_credentials.size()) {
        finish(true);
        return;
    }
    const QVirtCredential &credential = m_credentials.at(m_next);
    // Off before the prompt appears, so that no keystroke is echoed.
    setEcho(!isSecret(credential.type()));
    const QString prompt = credential.prompt().isEmpty()
        ? (isSecret(credential.type()) ? tr("Password") : tr("User name"))
        : credential.prompt();
    // The prompt comes from the daemon.
    m_err << TerminalText::escaped(prompt) << QStringLiteral(": ") << Qt::flush;
    if (m_notifier)
        m_notifier->setEnabled(true);
    takeLine();
}

void CredentialPrompt::readInput()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n > 0) {
        m_input.append(buffer, n);
        explicit_bzero(buffer, sizeof buffer);
    } else {
        // End of input (or an error): what remains is the last line.
        m_inputEnded = true;
        m_notifier->setEnabled(false);
        if (!m_input.isEmpty() && !m_input.endsWith('\n'))
            m_input.append('\n');
    }
    takeLine();
}

void CredentialPrompt::takeLine()
{
    if (m_next >= m_credentials.size())
        return;
    const qsizetype end = m_input.indexOf('\n');
    if (end < 0) {
        if (m_inputEnded)
            finish(false);
        return;
    }
    QByteArray line = m_input.left(end);
    m_input.remove(0, end + 1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (isSecret(m_credentials.at(m_next).type())) {
        // Nothing echoed the user's Enter.
        setEcho(true);
        m_err << Qt::endl;
    }
    m_credentials[m_next].setResult(QString::fromUtf8(line));
    wipe(line);
    ++m_next;
    askNext();
}

void CredentialPrompt::finish(bool answered)
{
    setEcho(true);
    if (m_notifier)
        m_notifier->setEnabled(false);
    if (answered)
        m_conn->answerCredentials(m_credentials);
    else
        m_conn->rejectCredentials();
    // The connection keeps its own copy as long as it needs it.
    m_credentials.clear();
    m_next = 0;
}

void CredentialPrompt::setEcho(bool on)
{
    if (on) {
        if (m_echoingTerminal)
            ::tcsetattr(STDIN_FILENO, TCSANOW, &*m_echoingTerminal);
        m_echoingTerminal.reset();
        return;
    }
    termios settings{};
    if (m_echoingTerminal || ::tcgetattr(STDIN_FILENO, &settings) != 0)
        return; // already off, or no terminal
    termios quiet = settings;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    if (::tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0)
        m_echoingTerminal = settings;
}
