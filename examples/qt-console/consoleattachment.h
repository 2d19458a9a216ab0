// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTCONSOLE_CONSOLEATTACHMENT_H
#define QTVIRT_EXAMPLES_QTCONSOLE_CONSOLEATTACHMENT_H

#include "exitcode.h"

#include <QtVirt/QVirtConnection>

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QUuid>

#include <libvirt/libvirt.h>

#include <memory>

struct ConsoleOptions;
class QVirtStream;

// The libvirt side of qt-console: the connection, the domain and its console
// stream (from QVirtConnection::openDomainConsole()), with a message and an
// exit code for each way they can fail.
class ConsoleAttachment
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleAttachment)

public:
    ConsoleAttachment() = default;
    // Closes the stream (an abort unless it finished), then the connection.
    ~ConsoleAttachment();
    ConsoleAttachment(const ConsoleAttachment &) = delete;
    ConsoleAttachment &operator=(const ConsoleAttachment &) = delete;

    // Connects, finds the domain and opens its console for reading and
    // writing. On failure, returns false with *code and *message set.
    bool attach(const ConsoleOptions &options, ExitCode *code, QString *message);

    QVirtStream *stream() const { return m_stream.get(); }
    // The name as the daemon reports it, control characters escaped
    // (TerminalText::escaped()): it is printed before the terminal goes raw.
    QString domainName() const { return m_domainName; }

    // Why the console ended without being asked to: the domain shut down,
    // the console hung up (streamError, if any, says how), or the
    // connection broke.
    ExitCode explainEnd(const QString &streamError, QString *message) const;

private:
    bool connect(const QString &uri, QString *message);
    bool findDomain(const QString &domain, QString *message);
    bool openConsole(const ConsoleOptions &options, ExitCode *code, QString *message);

    struct DomainReleaser
    {
        void operator()(virDomainPtr dom) const { virDomainFree(dom); }
    };

    // Declared in the order of release, last first.
    QVirtConnection m_conn;
    std::unique_ptr<virDomain, DomainReleaser> m_domain;
    std::unique_ptr<QVirtStream> m_stream;
    QString m_uriText;
    QString m_domainName;
    QUuid m_domainUuid;
};

#endif // QTVIRT_EXAMPLES_QTCONSOLE_CONSOLEATTACHMENT_H
