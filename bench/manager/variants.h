// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_MANAGER_VARIANTS_H
#define QTVIRT_BENCH_MANAGER_VARIANTS_H

#include "benchfigures.h"

#include <QtCore/QString>

// A manager's main window showing the domains of one connection (uri,
// `domains` test-driver domains) with statistics every StatsIntervalMs,
// measured by measureWindow() (windowmeasurement.h). Each runs in a child
// process of its own with a QApplication; empty figures mean it failed
// (it says why on stderr).

constexpr int StatsIntervalMs = 2000;

// The qt-manager example's ManagerWindow: QVirtDomainModel in a
// QTableView, statistics from its statsInterval (one
// virConnectGetAllDomainStats() per interval, in a worker thread).
BenchFigures measureQtManager(const QString &uri, int domains, int seconds);

// qt-virt-manager's approach: libvirt's default event loop in a thread, and
// a thread that opens the connection, then calls virConnectListAllDomains()
// and virDomainGetInfo() per domain every interval (at a fixed rate) and
// hands the rows to the main thread, which sets the cells that changed in
// a QStandardItemModel under a QTableView.
BenchFigures measurePoller(const QString &uri, int domains, int seconds);

#endif // QTVIRT_BENCH_MANAGER_VARIANTS_H
