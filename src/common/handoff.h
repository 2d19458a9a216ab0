// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_COMMON_HANDOFF_H
#define QTVIRT_COMMON_HANDOFF_H

#include <functional>
#include <mutex>
#include <optional>
#include <utility>

// A result a worker produces for a caller that waits for it only a while
// (SerialWorker::run() with a grace): the caller take()s it when it came in
// time; when it did not, the caller gets nothing, and the worker's put()
// hands it to late instead, to be delivered some other way. Either way the
// result is used exactly once.
template<typename T> class Handoff
{
public:
    explicit Handoff(std::function<void(T)> late)
        : m_late(std::move(late))
    { }

    // In the worker.
    void put(T value)
    {
        std::unique_lock lock(m_mutex);
        if (!m_abandoned) {
            m_value = std::move(value);
            return;
        }
        lock.unlock();
        m_late(std::move(value));
    }

    // In the caller, once it waited: the result, or nothing when it is late.
    std::optional<T> take()
    {
        const std::lock_guard lock(m_mutex);
        m_abandoned = !m_value;
        return std::exchange(m_value, std::nullopt);
    }

private:
    const std::function<void(T)> m_late;
    std::mutex m_mutex;
    std::optional<T> m_value;
    bool m_abandoned = false;
};

#endif // QTVIRT_COMMON_HANDOFF_H
