// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_MODELWORKERPOOL_H
#define QTVIRT_MODEL_MODELWORKERPOOL_H

class QThreadPool;

// The threads that run QVirtDomainModel's blocking libvirt calls. A pool of
// its own: a storm of detail reads must not starve QVirtConnection's
// operations, which run in the global pool, nor the other way round.
QThreadPool *modelWorkerPool();

// Called first by every task of modelWorkerPool(): lowers the calling
// thread's CPU priority (once per thread), so that the pool's decoding of
// thousands of domains yields the CPU to the GUI thread on a busy machine.
void enterModelWorker();

#endif // QTVIRT_MODEL_MODELWORKERPOOL_H
