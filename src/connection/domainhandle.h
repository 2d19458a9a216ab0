// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_DOMAINHANDLE_H
#define QTVIRT_CONNECTION_DOMAINHANDLE_H

#include <libvirt/libvirt.h>

#include <memory>

// One libvirt reference to a domain (from a lookup, a listing or a
// definition), dropped with virDomainFree() on every way out of its scope.
// Header-only, so that the QML module can use it without QtVirtCore
// exporting it.
struct DomainReleaser
{
    void operator()(virDomainPtr dom) const { virDomainFree(dom); }
};
using DomainHandle = std::unique_ptr<virDomain, DomainReleaser>;

#endif // QTVIRT_CONNECTION_DOMAINHANDLE_H
