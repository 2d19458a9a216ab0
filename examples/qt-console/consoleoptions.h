// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTCONSOLE_CONSOLEOPTIONS_H
#define QTVIRT_EXAMPLES_QTCONSOLE_CONSOLEOPTIONS_H

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>

// qt-console [-c URI] [--devname NAME] [--force|--safe] [-e ESCAPE] DOMAIN,
// with virsh console's meanings.
struct ConsoleOptions
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleOptions)

public:
    enum class Parsed { Run, Help, Error };

    // Parses the command line. Help: print *text to stdout and exit 0.
    // Error: print *text to stderr and exit with ExitCode::Usage.
    Parsed parse(const QStringList &arguments, QString *text);

    QString uri;            // empty: libvirt's default
    QString domain;         // name, UUID or id
    QString deviceName;     // empty: the domain's first console
    unsigned int flags = 0; // VIR_DOMAIN_CONSOLE_FORCE or _SAFE
    char escape = 0x1d;     // ^]
};

#endif // QTVIRT_EXAMPLES_QTCONSOLE_CONSOLEOPTIONS_H
