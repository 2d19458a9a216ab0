// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_WORKERPOOL_H
#define QTVIRT_QML_WORKERPOOL_H

class QThreadPool;

// The threads that run the QML module's blocking libvirt calls. A pool of
// its own: a storm of detail reads must not starve QVirtConnection's
// operations, which run in the global pool, nor the other way round.
QThreadPool *qmlWorkerPool();

#endif // QTVIRT_QML_WORKERPOOL_H
