// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_VARIANTS_H
#define QTVIRT_BENCH_VARIANTS_H

#include "benchoptions.h"

// Each measures round trips per second with one event loop. A process can
// run only one of the libvirt-based ones: libvirt's event loop registration
// is process-wide and permanent.
double runRawPoll(const BenchOptions &options);
double runLibvirtDefault(const BenchOptions &options);
#ifdef QTVIRT_BENCH_HAVE_LIBVIRT_GLIB
double runLibvirtGlib(const BenchOptions &options);
#endif
double runQtNotifier(int &argc, char **argv, const BenchOptions &options);
double runQtVirt(int &argc, char **argv, const BenchOptions &options);

// Measures every variant in child processes of this program, interleaved,
// and prints medians and ratios. Returns the exit code.
int runDriver(const QString &program, const BenchOptions &options);

#endif // QTVIRT_BENCH_VARIANTS_H
