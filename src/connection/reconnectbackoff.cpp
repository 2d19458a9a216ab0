// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/reconnectbackoff.h"

#include <algorithm>
#include <limits>

namespace {

// Each attempt is a pool task and a connect that fails at once while the
// daemon is down: with no floor, 0 ms would retry on every loop pass.
constexpr ReconnectBackoff::Delay MinimumDelay{100};
// QTimer takes an int of milliseconds; more would be cut to an int.
constexpr ReconnectBackoff::Delay MaximumDelay{std::numeric_limits<int>::max()};

} // namespace

void ReconnectBackoff::setLimits(Delay initial, Delay maximum)
{
    m_initial = std::clamp(initial, MinimumDelay, MaximumDelay);
    m_maximum = std::clamp(maximum, m_initial, MaximumDelay);
    reset();
}

ReconnectBackoff::Delay ReconnectBackoff::next()
{
    const Delay delay = m_next;
    // No overflow: m_next is an int's worth of milliseconds at most.
    m_next = std::min(m_next * 2, m_maximum);
    return delay;
}

void ReconnectBackoff::reset()
{
    m_next = m_initial;
}
