// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/domainreader.h"

#include "connection/domainhandle.h"
#include "connection/domainlisting.h"
#include "connection/domainref.h"
#include "model/modelworkerpool.h"

#include <QtVirt/qvirterror.h>

#include <QtCore/QThreadPool>

#include <libvirt/virterror.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace {

using Domain = DomainHandle;

// What the model shows of a listed domain.
DomainEntry entryOf(const ListedDomain &listed)
{
    DomainEntry entry;
    entry.name = listed.name;
    entry.uuid = listed.uuid;
    entry.id = listed.id;
    entry.state = listed.state;
    entry.persistent = listed.persistent;
    entry.autostart = listed.autostart;
    entry.memoryKiB = listed.memory;
    entry.vcpus = listed.vcpus;
    return entry;
}

void addFailure(QPromise<DomainReader::ListingStep> &promise, const QVirtError &error)
{
    DomainReader::ListingStep failed;
    failed.kind = DomainReader::ListingStep::Failed;
    failed.failure = error.message();
    promise.addResult(std::move(failed));
}

// The persistent and autostarted domains; adds the Flags step.
void readFlags(virConnectPtr conn, QPromise<DomainReader::ListingStep> &promise)
{
    DomainFlags flags;
    try {
        flags = readDomainFlags(conn);
    } catch (const QVirtError &error) {
        addFailure(promise, error);
        return;
    }
    DomainReader::ListingStep step;
    step.kind = DomainReader::ListingStep::Flags;
    step.flags = std::move(flags);
    promise.addResult(std::move(step));
}

// The whole-connection listing; adds the Listed step and returns the
// domains it lacks memory or vCPUs of, with the handles, or nullopt when
// listing failed. When it lacks nothing, the handles are dropped here,
// after the step is out (see DomainListing); else all of them stay until
// the details are read.
std::optional<DomainListing> listWhole(virConnectPtr conn,
                                       QPromise<DomainReader::ListingStep> &promise)
{
    DomainListing listing;
    try {
        listing = listDomainStatesOf(conn);
    } catch (const QVirtError &error) {
        addFailure(promise, error);
        return std::nullopt;
    }
    DomainReader::ListingStep listed;
    listed.entries.reserve(static_cast<qsizetype>(listing.domains.size()));
    for (const ListedDomain &domain : listing.domains) {
        listed.entries.append(entryOf(domain));
        if (domain.incomplete)
            listed.lacking.insert(domain.uuid);
    }
    promise.addResult(std::move(listed));
    std::vector<ListedDomain> &domains = listing.domains;
    domains.erase(std::remove_if(domains.begin(), domains.end(),
                                 [](const ListedDomain &domain) { return !domain.incomplete; }),
                  domains.end());
    if (domains.empty())
        listing.handles.reset();
    return listing;
}

// One read per domain, for as long as the promise is not canceled; adds the
// Details step.
void readDetails(std::vector<ListedDomain> &domains, QPromise<DomainReader::ListingStep> &promise)
{
    DomainReader::ListingStep details;
    details.kind = DomainReader::ListingStep::Details;
    details.entries.reserve(static_cast<qsizetype>(domains.size()));
    for (ListedDomain &domain : domains) {
        if (promise.isCanceled())
            return;
        // One that vanished meanwhile is left out; its event is on the way.
        if (completeListedDomain(domain))
            details.entries.append(entryOf(domain));
    }
    promise.addResult(std::move(details));
}

} // namespace

namespace DomainReader {

std::optional<DomainEntry> read(virDomainPtr dom)
{
    virDomainInfo info;
    if (virDomainGetInfo(dom, &info) < 0)
        return std::nullopt;
    const int persistent = virDomainIsPersistent(dom);
    int autostart = 0;
    // A transient domain has no autostart flag; libvirt reports an error.
    if (persistent == 1 && virDomainGetAutostart(dom, &autostart) < 0)
        autostart = 0;

    const QVirtDomainRef ref = domainRefOf(dom);
    DomainEntry entry;
    entry.name = ref.name();
    entry.uuid = ref.uuid();
    entry.id = ref.id();
    entry.state = info.state;
    entry.persistent = persistent == 1;
    entry.autostart = autostart != 0;
    entry.memoryKiB = info.memory;
    entry.vcpus = info.nrVirtCpu;
    return entry;
}

DomainRead readByUuid(virConnectPtr conn, const QUuid &uuid)
{
    const QByteArray text = uuid.toByteArray(QUuid::WithoutBraces);
    const Domain dom(virDomainLookupByUUIDString(conn, text.constData()));
    DomainRead result;
    if (dom)
        result.entry = read(dom.get());
    // Before the handle's release, which clears the error.
    result.gone = !result.entry && virGetLastErrorCode() == VIR_ERR_NO_DOMAIN;
    return result;
}

void listAll(const ConnectionHandle &conn, const ListingPromise &promise, QThreadPool *pool)
{
    if (promise->isCanceled()) {
        promise->finish();
        return;
    }
    std::optional<DomainListing> incomplete = listWhole(conn.get(), *promise);
    if (!incomplete) {
        promise->finish();
        return;
    }
    // Behind every listing queued so far (below their priority), so that
    // every connection's rows come before any connection's flags and
    // details: with more connections than threads, the flags of the first
    // ones would otherwise hold up the rows of the others.
    auto held = std::make_shared<DomainListing>(*std::move(incomplete));
    pool->start(
        [conn, promise, held] {
            enterModelWorker();
            // After the domains: one defined in between is not in the Listed
            // step, and its own event brings it with its flags.
            if (!promise->isCanceled())
                readFlags(conn.get(), *promise);
            if (!held->domains.empty())
                readDetails(held->domains, *promise);
            // Here, not in the model's thread: the last reference to a
            // domain may hold the last one to a connection closed meanwhile,
            // and closing it is a round trip.
            *held = {};
            promise->finish();
        },
        -1);
}

} // namespace DomainReader
