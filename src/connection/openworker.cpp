// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/openworker.h"

#include "connection/credentialbridge.h"

#include <QtCore/QCoreApplication>

#include <libvirt/virterror.h>

#include <cstdlib>

OpenResult openConnection(const QByteArray &uri, bool readOnly, CredentialBridge &credentials)
{
    OpenResult result;
    virConnectAuth auth = credentials.auth();
    virConnectPtr conn = virConnectOpenAuth(uri.isEmpty() ? nullptr : uri.constData(), &auth,
                                            readOnly ? VIR_CONNECT_RO : 0);
    if (!conn) {
        const char *message = virGetLastErrorMessage();
        const QString refused = credentials.failure();
        result.error = !refused.isEmpty() ? refused
            : message                     ? QString::fromUtf8(message)
                      : QCoreApplication::translate("QVirtConnection", "cannot connect to %1")
                            .arg(QString::fromUtf8(uri));
        return result;
    }
    result.conn = adoptConnection(conn);
    if (const char *type = virConnectGetType(conn))
        result.hypervisorType = QString::fromUtf8(type);
    if (char *host = virConnectGetHostname(conn)) {
        result.hostName = QString::fromUtf8(host);
        std::free(host);
    }
    virResetLastError();
    return result;
}
