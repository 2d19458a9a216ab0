// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QMLDASHBOARD_DASHBOARDOPTIONS_H
#define QTVIRT_EXAMPLES_QMLDASHBOARD_DASHBOARDOPTIONS_H

#include <QtCore/QStringList>

class QCoreApplication;

// The URIs to watch: those on the command line, otherwise the testbed's
// (QTVIRT_TEST_URI, QTVIRT_QEMU_URI) where set, otherwise test:///default.
// Exits the process for --help and --version.
QStringList dashboardUris(const QCoreApplication &app);

#endif // QTVIRT_EXAMPLES_QMLDASHBOARD_DASHBOARDOPTIONS_H
