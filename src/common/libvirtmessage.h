// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_COMMON_LIBVIRTMESSAGE_H
#define QTVIRT_COMMON_LIBVIRTMESSAGE_H

#include <QtCore/QString>

// The message of the libvirt call that just failed in the calling thread
// (libvirt keeps the last error per thread), which libvirt then forgets:
// a later failure that sets no error of its own is not reported with this
// one's words.
QString takeLibvirtMessage();

#endif // QTVIRT_COMMON_LIBVIRTMESSAGE_H
