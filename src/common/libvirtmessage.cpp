// SPDX-License-Identifier: LGPL-2.1-or-later
#include "common/libvirtmessage.h"

#include <libvirt/virterror.h>

QString takeLibvirtMessage()
{
    QString message = QString::fromUtf8(virGetLastErrorMessage());
    virResetLastError();
    return message;
}
