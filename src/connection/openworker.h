// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_OPENWORKER_H
#define QTVIRT_CONNECTION_OPENWORKER_H

#include "connection/connectionhandle.h"

#include <QtVirt/qvirtconnection.h>

#include <QtCore/QByteArray>
#include <QtCore/QString>

class CredentialBridge;

struct OpenResult
{
    ConnectionHandle conn; // null on failure
    QVirtConnection::Error error = QVirtConnection::NoError;
    QString errorString;
    QString hypervisorType;
    QString hostName;
};

// Everything about opening that blocks: virConnectOpenAuth() and the round
// trips for the properties the connection shows. Runs in any thread.
OpenResult openConnection(const QByteArray &uri, bool readOnly, CredentialBridge &credentials);

#endif // QTVIRT_CONNECTION_OPENWORKER_H
