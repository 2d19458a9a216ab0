// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/modelworkerpool.h"

#include <QtCore/QThreadPool>

namespace {

// The remote driver multiplexes concurrent calls over one socket; more
// threads than this only queue in the daemon's worker pool (5 by default).
constexpr int MaxThreads = 4;

class WorkerPool : public QThreadPool
{
public:
    WorkerPool() { setMaxThreadCount(MaxThreads); }
};

} // namespace

QThreadPool *modelWorkerPool()
{
    // Not Q_GLOBAL_STATIC: its memory fence is one the thread sanitizer
    // does not model (see cmake/QtVirtCompilerSettings.cmake).
    static WorkerPool pool;
    return &pool;
}
