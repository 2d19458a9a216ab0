// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/reconnectbackoff.h"

#include <algorithm>

void ReconnectBackoff::setLimits(Delay initial, Delay maximum)
{
    m_initial = std::max(initial, Delay(0));
    m_maximum = std::max(maximum, m_initial);
    reset();
}

ReconnectBackoff::Delay ReconnectBackoff::next()
{
    const Delay delay = m_next;
    m_next = std::min(std::max(m_next * 2, Delay(1)), m_maximum);
    return delay;
}

void ReconnectBackoff::reset()
{
    m_next = m_initial;
}
