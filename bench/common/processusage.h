// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_PROCESSUSAGE_H
#define QTVIRT_BENCH_PROCESSUSAGE_H

#include <QtCore/QtGlobal>

#include <sys/types.h>

// What a process costs the machine, from Linux's /proc: its processor
// time, every thread counted, and its resident memory.
namespace ProcessUsage {

// User and system time of the calling process so far, in seconds.
double ownCpuSeconds();
// The same of process pid; a negative value when it cannot be read.
double cpuSecondsOf(pid_t pid);
// The calling process's resident set (VmRSS), in MiB; negative when
// unknown.
double ownResidentMiB();

} // namespace ProcessUsage

#endif // QTVIRT_BENCH_PROCESSUSAGE_H
