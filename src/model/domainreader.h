// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_DOMAINREADER_H
#define QTVIRT_MODEL_DOMAINREADER_H

#include "connection/connectionhandle.h"
#include "connection/domainlisting.h"
#include "model/domainentry.h"

#include <QtCore/QList>
#include <QtCore/QPromise>
#include <QtCore/QSet>
#include <QtCore/QString>

#include <memory>
#include <optional>

class QThreadPool;

// The blocking libvirt reads behind QVirtDomainModel. They run in
// modelWorkerPool(), never in the GUI thread.
namespace DomainReader {

// Everything DomainEntry holds; nullopt when the domain vanished meanwhile.
// Several round trips: for one domain after its event.
std::optional<DomainEntry> read(virDomainPtr dom);

// A read of one domain: its entry, or why there is none.
struct DomainRead
{
    std::optional<DomainEntry> entry;
    // No entry because libvirt has no such domain (VIR_ERR_NO_DOMAIN), not
    // because a call failed.
    bool gone = false;
};

// read() for the domain with this UUID.
DomainRead readByUuid(virConnectPtr conn, const QUuid &uuid);

// What one listing of a connection delivers through its promise, in order.
struct ListingStep
{
    enum Kind {
        Listed,  // entries: every domain of the connection, without its flags
        Flags,   // persistent and autostart: which of them have the flag
        Details, // entries: memory and vCPUs of those the listing lacked them for
        Failed,  // failure: libvirt's message; the listing or the flags failed
    };
    Kind kind = Listed;
    QList<DomainEntry> entries;
    // Listed: the domains whose memory and vCPUs the Details step brings.
    QSet<QUuid> lacking;
    // Flags: which domains are persistent and which autostarted.
    DomainFlags flags;
    QString failure;
};

// Lists every domain of the connection with one call for the whole
// connection, however many there are (listDomainStatesOf(), shared with
// QVirtConnection::listDomains()), and adds the Listed step at once, so
// that the rows appear after a single round trip. The rest follows in a
// task of pool queued behind every listing, so that it never holds up the
// listing of another connection, for as long as the promise is not
// canceled: which domains are persistent and autostarted (two more
// whole-connection calls, which no statistics group spares), as the Flags
// step; then, for a driver whose statistics lack memory or vCPUs of some
// domains (the test driver reports the state group only), those, read one
// by one, as a Details step. A failed listing or flags call adds a Failed
// step instead (a domain that vanished before its details were read is no
// failure). Finishes the promise, which must have been started.
using ListingPromise = std::shared_ptr<QPromise<ListingStep>>;
void listAll(const ConnectionHandle &conn, const ListingPromise &promise, QThreadPool *pool);

} // namespace DomainReader

#endif // QTVIRT_MODEL_DOMAINREADER_H
