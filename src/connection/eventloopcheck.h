// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_EVENTLOOPCHECK_H
#define QTVIRT_CONNECTION_EVENTLOOPCHECK_H

// Warns once per process, on qtvirt.connection, when a connection is opened
// before QtVirtEventImpl::registerImpl(). The open itself works, but libvirt
// then has no event loop: no event, keepalive or close notification ever
// arrives, and nothing else would say why.
void warnIfNoEventLoop();

#endif // QTVIRT_CONNECTION_EVENTLOOPCHECK_H
