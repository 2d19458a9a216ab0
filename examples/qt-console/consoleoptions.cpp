// SPDX-License-Identifier: LGPL-2.1-or-later
#include "consoleoptions.h"

#include "escapefilter.h"

#include <QtCore/QCommandLineParser>

#include <libvirt/libvirt.h>

ConsoleOptions::Parsed ConsoleOptions::parse(const QStringList &arguments, QString *text)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Attaches to the serial console of a libvirt domain, as 'virsh console' does.\n"
           "On a terminal, the escape character (Ctrl+] unless -e says otherwise) leaves.\n"
           "Without a terminal, input passes through unchanged until it ends.\n"
           "\n"
           "Exit status:\n"
           "  0  left with the escape character, or the input ended\n"
           "  1  a local error (terminal, input or output)\n"
           "  2  bad options or arguments\n"
           "  3  cannot connect to the hypervisor\n"
           "  4  no such domain\n"
           "  5  the console is in use by another client (see --force)\n"
           "  6  the domain is not running or has no such console\n"
           "  7  the domain shut down or the console hung up\n"
           "  8  the connection to libvirt was lost\n"
           "  128+N  ended by signal N (SIGHUP, SIGINT, SIGTERM)"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption connectOption(
        {QStringLiteral("c"), QStringLiteral("connect")},
        tr("Connect to the hypervisor URI instead of libvirt's default."), tr("URI"));
    const QCommandLineOption devnameOption(
        QStringLiteral("devname"),
        tr("Attach to the console, serial port or channel with this alias instead of the "
           "first console."),
        tr("NAME"));
    const QCommandLineOption forceOption(
        QStringLiteral("force"),
        tr("Take the console over even if another client is attached; that client is "
           "disconnected."));
    const QCommandLineOption safeOption(
        QStringLiteral("safe"),
        tr("Attach only if the hypervisor can guarantee exclusive access to the console."));
    const QCommandLineOption escapeOption(
        {QStringLiteral("e"), QStringLiteral("escape")},
        tr("Leave with this character instead of ^] (^X notation or one character)."),
        tr("ESCAPE"));
    parser.addOptions({connectOption, devnameOption, forceOption, safeOption, escapeOption});
    parser.addPositionalArgument(QStringLiteral("DOMAIN"), tr("The domain's name, UUID or id."));

    if (!parser.parse(arguments)) {
        *text = parser.errorText();
        return Parsed::Error;
    }
    if (parser.isSet(helpOption)) {
        *text = parser.helpText();
        return Parsed::Help;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        *text = positional.isEmpty()
            ? tr("Name the domain whose console to attach to.")
            : tr("Unexpected argument '%1': give exactly one domain.").arg(positional.at(1));
        return Parsed::Error;
    }
    if (parser.isSet(forceOption) && parser.isSet(safeOption)) {
        *text = tr("--force and --safe exclude each other.");
        return Parsed::Error;
    }
    if (parser.isSet(escapeOption) && !EscapeFilter::parse(parser.value(escapeOption), &escape)) {
        *text = tr("Invalid escape character '%1': use ^ and a key (such as ^] or ^X) or one "
                   "printable character.")
                    .arg(parser.value(escapeOption));
        return Parsed::Error;
    }
    uri = parser.value(connectOption);
    domain = positional.first();
    deviceName = parser.value(devnameOption);
    if (parser.isSet(forceOption))
        flags |= VIR_DOMAIN_CONSOLE_FORCE;
    if (parser.isSet(safeOption))
        flags |= VIR_DOMAIN_CONSOLE_SAFE;
    return Parsed::Run;
}
