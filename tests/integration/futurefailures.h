// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_FUTUREFAILURES_H
#define QTVIRT_TESTS_FUTUREFAILURES_H

#include <QtVirt/QVirtError>

#include <QtCore/QByteArray>
#include <QtCore/QFuture>
#include <QtTest/QTest>

#include <optional>
#include <type_traits>

// How the integration tests wait for QVirtConnection's futures and read
// the QVirtError a failed one carries.
namespace QtVirtIntegration {

// Whether future finishes within ms, running the event loop meanwhile (its
// continuations finish it in this thread).
template<typename T> bool finishes(const QFuture<T> &future, int ms)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, ms);
}

// The QVirtError a failed future carries; nullopt if it did not fail.
template<typename T> std::optional<QVirtError> failureOf(QFuture<T> future)
{
    try {
        future.waitForFinished();
        if constexpr (!std::is_void_v<T>)
            (void)future.result();
    } catch (const QVirtError &error) {
        return error;
    }
    return std::nullopt;
}

// For QVERIFY2's message, which is evaluated whether or not it fails.
template<typename T> QByteArray failureText(const QFuture<T> &future)
{
    const std::optional<QVirtError> failure = failureOf(future);
    return failure ? failure->message().toUtf8() : QByteArray("no failure");
}

} // namespace QtVirtIntegration

#endif // QTVIRT_TESTS_FUTUREFAILURES_H
