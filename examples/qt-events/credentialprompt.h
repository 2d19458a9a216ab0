// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTEVENTS_CREDENTIALPROMPT_H
#define QTVIRT_EXAMPLES_QTEVENTS_CREDENTIALPROMPT_H

#include <QtVirt/QVirtConnection>

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QObject>

#include <optional>
#include <termios.h>

class QSocketNotifier;
class QTextStream;

// Answers a connection's credentialsRequested() as virsh does: each prompt
// on the error output (standard output carries the events), each answer one
// line of standard input. Input is read on the event loop, so SIGINT and
// SIGTERM still end the program while it asks; passwords are read with the
// terminal's echo off, which is restored after the line and on destruction.
// When the input ends before every answer, the request is rejected and the
// open fails at once instead of waiting for the credentials timeout.
class CredentialPrompt : public QObject
{
    Q_OBJECT

public:
    CredentialPrompt(QVirtConnection *conn, QTextStream &err, QObject *parent = nullptr);
    ~CredentialPrompt() override;

private:
    void ask(const QList<QVirtCredential> &credentials);
    void askNext();
    void readInput();
    void takeLine();
    void finish(bool answered);
    void setEcho(bool on);

    QVirtConnection *const m_conn;
    QTextStream &m_err;
    QSocketNotifier *m_notifier = nullptr;
    QList<QVirtCredential> m_credentials;
    qsizetype m_next = 0;
    QByteArray m_input; // read but not yet taken as an answer
    bool m_inputEnded = false;
    std::optional<termios> m_echoingTerminal; // set while echo is off
};

#endif // QTVIRT_EXAMPLES_QTEVENTS_CREDENTIALPROMPT_H
