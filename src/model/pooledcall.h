// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_POOLEDCALL_H
#define QTVIRT_MODEL_POOLEDCALL_H

#include "model/modelworkerpool.h"

#include <QtCore/QException>
#include <QtCore/QFuture>
#include <QtCore/QPromise>
#include <QtCore/QThreadPool>

#include <memory>
#include <type_traits>
#include <utility>

// Runs call in a thread of pool (modelWorkerPool()) and returns its future, as
// QtConcurrent::run() does (QtVirtCore depends on QtCore alone): a call
// whose future is canceled before a thread takes it never runs, and a
// QException it throws fails the future.
template<typename Call> QFuture<std::invoke_result_t<Call>> runPooled(QThreadPool *pool, Call call)
{
    using Result = std::invoke_result_t<Call>;
    auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    promise->start();
    pool->start([promise, call = std::move(call)]() mutable {
        enterModelWorker();
        if (!promise->isCanceled()) {
            try {
                if constexpr (std::is_void_v<Result>)
                    call();
                else
                    promise->addResult(call());
            } catch (const QException &failure) {
                promise->setException(failure);
            }
        }
        promise->finish();
    });
    return future;
}

#endif // QTVIRT_MODEL_POOLEDCALL_H
