// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/openworker.h"

#include "connection/credentialbridge.h"
#include "connection/libvirtallocations.h"
#include "connection/sigpipeguard.h"

#include <QtCore/QCoreApplication>

#include <libvirt/virterror.h>

namespace {

// libvirt tells a refused or unanswered credentials request apart from
// other failures by its error code, whichever driver asked: the remote
// driver (SASL, polkit) as the test driver does.
bool isAuthenticationFailure(const virError *error)
{
    if (!error)
        return false;
    switch (error->code) {
    case VIR_ERR_AUTH_FAILED:
    case VIR_ERR_AUTH_CANCELLED:
    case VIR_ERR_AUTH_UNAVAILABLE:
        return true;
    default:
        return false;
    }
}

} // namespace

OpenResult openConnection(const QByteArray &uri, bool readOnly, CredentialBridge &credentials)
{
    OpenResult result;
    // Before the open: an ssh transport's child may die at any time after.
    ignoreDefaultSigpipe();
    virConnectAuth auth = credentials.auth();
    virConnectPtr conn = virConnectOpenAuth(uri.isEmpty() ? nullptr : uri.constData(), &auth,
                                            readOnly ? VIR_CONNECT_RO : 0);
    if (!conn) {
        const char *message = virGetLastErrorMessage();
        const QString refused = credentials.failure();
        result.error = !refused.isEmpty() || isAuthenticationFailure(virGetLastError())
            ? QVirtConnection::AuthenticationError
            : QVirtConnection::OpenError;
        result.errorString = !refused.isEmpty() ? refused
            : message                           ? QString::fromUtf8(message)
                      : QCoreApplication::translate("QVirtConnection", "cannot connect to %1")
                            .arg(QString::fromUtf8(uri));
        return result;
    }
    result.conn = adoptConnection(conn);
    if (const char *type = virConnectGetType(conn))
        result.hypervisorType = QString::fromUtf8(type);
    if (char *host = virConnectGetHostname(conn))
        result.hostName = takeLibvirtString(host);
    virResetLastError();
    return result;
}
