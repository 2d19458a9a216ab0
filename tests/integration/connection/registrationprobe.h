// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_REGISTRATIONPROBE_H
#define QTVIRT_TESTS_REGISTRATIONPROBE_H

#include <QtCore/QList>
#include <QtCore/QMetaMethod>

#include <libvirt/libvirt.h>

#include <chrono>
#include <sys/types.h>

// Whether the daemon holds an event registration of a connection, for any
// event ID, including those the testbed cannot cause.
//
// libvirt's remote driver asks the daemon to send an event ID only for the
// first local callback of that ID on a connection, and tells it to stop
// only when the last one goes (remoteConnect*EventRegisterAny and
// DeregisterAny count the local callbacks; the remote call is made only at
// one). It keeps a local callback only when the daemon accepted it. So a
// probe registered on the same handle while the daemon is stopped by
// SIGSTOP answers at once exactly when a callback of that ID is already
// there, that is, when the daemon was told to send that ID to this client
// and was not told to stop; otherwise the probe waits for the frozen daemon.
namespace QtVirtConnectionTest {

struct EventProbe
{
    const char *name;
    QMetaMethod signal; // the QVirtConnection signal fed by this libvirt event ID
    int (*registerProbe)(virConnectPtr conn); // a callback that does nothing
    int (*deregisterProbe)(virConnectPtr conn, int callbackId);
};

// One probe per libvirt event ID of every object type, with the signal each
// ID feeds: 27 domain events, then network, storage pool (2), node device
// (2) and secret (2) events.
QList<EventProbe> allEventProbes();

// Stops daemon, registers every probe on conn from a thread of its own,
// and waits until all have answered or `wait` has passed; then lets the
// daemon go on, waits for the rest, and removes every probe again. Returns,
// per probe, whether it answered while the daemon was stopped. Fails the
// current test if the daemon cannot be stopped or a probe is refused.
QList<bool> answeredWhileDaemonStopped(virConnectPtr conn, const QList<EventProbe> &probes,
                                       pid_t daemon, std::chrono::milliseconds wait);

} // namespace QtVirtConnectionTest

#endif // QTVIRT_TESTS_REGISTRATIONPROBE_H
