// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_LISTING_VARIANTS_H
#define QTVIRT_BENCH_LISTING_VARIANTS_H

#include "benchfigures.h"
#include "stallmeter.h"

// What one child reports (benchfigures.h): "rows" (s until
// every domain is known with its state), "details" (s until memory and
// vCPUs are known too), "stall" (ms, the worst lateness of a 1 ms timer in
// the main thread) and "busy" (ms of the main thread's own CPU time between
// two beats of that timer: on a loaded machine "stall" includes waiting for
// a CPU, "busy" does not). QtVirt's model adds "memory" (heap bytes per
// domain), "statsStall"/"statsBusy" (the same during a statistics refresh
// of every domain), "stormP50"/"stormP99" (ms from a lifecycle change to
// its dataChanged() under a storm of 1,000 events per second),
// "stormRate" (the events per second the storm reached) and "stormStall".

// Each runs in a child process of its own (libvirt's event loop
// registration is process-wide and permanent), with a QCoreApplication,
// opens `connections` connections to uri (not timed), then lists their
// domains (timed) while a StallMeter runs in the main thread. Empty figures
// mean the variant failed (it says why on stderr).

// QVirtDomainModel::addConnection() for every connection, until every row
// is in and shows its state, and then its memory and vCPUs.
BenchFigures listWithQtVirt(const QString &uri, int connections, int domainsEach);

// libvirt-gobject, as a GTK manager would: gvir_connection_fetch_domains()
// per connection ("rows": names and UUIDs), then gvir_domain_get_info() per
// domain for state, memory and vCPUs ("details"). Both synchronous in the
// main thread, as their documentation offers them.
BenchFigures listWithGObject(const QString &uri, int connections, int domainsEach);

// qt-virt-manager's approach: a thread per connection calls
// virConnectListAllDomains() and virDomainGetInfo() per domain and hands
// the rows to the main thread; "rows" and "details" are the same moment.
BenchFigures listWithPoller(const QString &uri, int connections, int domainsEach);

#endif // QTVIRT_BENCH_LISTING_VARIANTS_H
