// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_CONNECTIONHANDLE_H
#define QTVIRT_CONNECTION_CONNECTIONHANDLE_H

#include <libvirt/libvirt.h>

#include <memory>

// One libvirt reference to a connection, dropped with virConnectClose()
// wherever the last copy dies: a result that never reaches its owner (the
// owner was destroyed first) must not leak the connection.
using ConnectionHandle = std::shared_ptr<virConnect>;

// Takes over the reference the caller holds.
inline ConnectionHandle adoptConnection(virConnectPtr conn)
{
    return ConnectionHandle(conn, [](virConnectPtr c) {
        if (c)
            virConnectClose(c);
    });
}

// Takes a reference of its own, for a worker that may outlive the owner's.
inline ConnectionHandle shareConnection(virConnectPtr conn)
{
    if (!conn || virConnectRef(conn) < 0)
        return nullptr;
    return adoptConnection(conn);
}

#endif // QTVIRT_CONNECTION_CONNECTIONHANDLE_H
