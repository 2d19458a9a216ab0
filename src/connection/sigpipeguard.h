// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_SIGPIPEGUARD_H
#define QTVIRT_CONNECTION_SIGPIPEGUARD_H

// Sets SIGPIPE to be ignored when it still has its default action, which
// would end the application when libvirt writes to the pipe of an ssh
// client that died; a handler of the application's own is kept.
// docs/remote-hosts.md, "SIGPIPE", has the reasons. Safe from any thread.
void ignoreDefaultSigpipe();

#endif // QTVIRT_CONNECTION_SIGPIPEGUARD_H
