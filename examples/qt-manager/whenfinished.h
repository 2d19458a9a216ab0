// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_WHENFINISHED_H
#define QTVIRT_EXAMPLES_QTMANAGER_WHENFINISHED_H

#include <QtVirt/QVirtError>

#include <QtCore/QFuture>
#include <QtCore/QFutureWatcher>
#include <QtCore/QPointer>

// Calls done with the result of future once it finished, or failed with
// libvirt's message (empty when it was canceled). A result that arrives
// after context is gone is given to discard, so that nothing leaks.
template<typename T, typename Done, typename Failed, typename Discard>
void whenFinished(QObject *context, const QFuture<T> &future, Done done, Failed failed,
                  Discard discard)
{
    auto *watcher = new QFutureWatcher<T>;
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, context = QPointer<QObject>(context), done, failed, discard] {
                         watcher->deleteLater();
                         QFuture<T> result = watcher->future();
                         try {
                             result.waitForFinished();
                         } catch (const QVirtError &error) {
                             if (context)
                                 failed(error.message());
                             return;
                         }
                         if (result.isCanceled() || result.resultCount() == 0) {
                             if (context)
                                 failed(QString());
                             return;
                         }
                         if (context)
                             done(result.result());
                         else
                             discard(result.result());
                     });
    watcher->setFuture(future);
}

// The same for a future without a result: done() once it succeeded.
template<typename Done, typename Failed>
void whenFinished(QObject *context, const QFuture<void> &future, Done done, Failed failed)
{
    auto *watcher = new QFutureWatcher<void>;
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, context = QPointer<QObject>(context), done, failed] {
                         watcher->deleteLater();
                         QFuture<void> result = watcher->future();
                         try {
                             result.waitForFinished();
                         } catch (const QVirtError &error) {
                             if (context)
                                 failed(error.message());
                             return;
                         }
                         if (!context)
                             return;
                         if (result.isCanceled())
                             failed(QString());
                         else
                             done();
                     });
    watcher->setFuture(future);
}

#endif // QTVIRT_EXAMPLES_QTMANAGER_WHENFINISHED_H
