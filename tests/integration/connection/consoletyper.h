// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_CONSOLETYPER_H
#define QTVIRT_TESTS_CONSOLETYPER_H

#include <QtCore/QByteArray>

#include <libvirt/libvirt.h>

// A domain's serial console on a non-blocking libvirt stream, driven by the
// QtVirt loop: what the guest prints collects in output(), and type() sends
// keystrokes. Just enough to act inside a guest that has no agent.
class ConsoleTyper
{
public:
    ConsoleTyper() = default;
    ~ConsoleTyper();
    ConsoleTyper(const ConsoleTyper &) = delete;
    ConsoleTyper &operator=(const ConsoleTyper &) = delete;

    // False, with libvirt's error pending, when the console cannot be had.
    bool open(virConnectPtr conn, virDomainPtr dom);
    bool type(const QByteArray &keys);
    const QByteArray &output() const { return m_output; }

private:
    static void onEvent(virStreamPtr stream, int events, void *opaque);
    void close();

    virStreamPtr m_stream = nullptr;
    bool m_watching = false;
    QByteArray m_output;
};

#endif // QTVIRT_TESTS_CONSOLETYPER_H
