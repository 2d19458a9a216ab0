// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/modelworkerpool.h"

#include <QtCore/QThread>
#include <QtCore/QThreadPool>

#include <algorithm>
#include <cerrno>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

// The remote driver multiplexes concurrent calls over one socket; more
// threads than this only queue in the daemon's worker pool (5 by default).
constexpr int MaxThreads = 4;

// Fewer on fewer processors: the workers' decoding shares the processors
// with the daemon and with the GUI thread, whose scheduling group (an
// autogroup or a cgroup) they are in, so their nice value spares the GUI
// thread only within that group. Listing ten connections at once on two
// processors, four threads stalled the GUI thread over 16 ms before the
// rows in 4 of 10 runs (up to 67 ms), three in 4 of 34 (BENCHMARKS.md,
// "Fewer libvirt objects, three workers on two processors"). Fewer threads
// also mean that fewer hung remote hosts occupy all of them.
int threadCount()
{
    return std::min(MaxThreads, QThread::idealThreadCount() + 1);
}

// Above the process's own: on Linux a nice value belongs to each thread.
// QThread::setPriority() cannot do this: with the default scheduling
// policy it has only one priority to set. Five steps give each worker a
// third of the weight of a GUI thread at the process's own value while
// both want the CPU, and cost nothing on an idle machine. Nineteen made
// the long stalls before the rows rarer, not those during the details,
// which took a fifth longer (BENCHMARKS.md, "The listing stall and the
// scheduler's groups").
constexpr int NiceAbove = 5;

class WorkerPool : public QThreadPool
{
public:
    WorkerPool() { setMaxThreadCount(threadCount()); }
};

} // namespace

QThreadPool *modelWorkerPool()
{
    // Not Q_GLOBAL_STATIC: its memory fence is one the thread sanitizer
    // does not model (see cmake/QtVirtCompilerSettings.cmake).
    static WorkerPool pool;
    return &pool;
}

void enterModelWorker()
{
#ifdef __linux__
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, thread);
    if (current != -1 || errno == 0)
        setpriority(PRIO_PROCESS, thread, current + NiceAbove);
#endif
}
