// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_RECONNECTBACKOFF_H
#define QTVIRT_CONNECTION_RECONNECTBACKOFF_H

#include <chrono>

// The delays between reconnect attempts: initial, then doubling up to the
// maximum, so that a daemon that is down for long is not hammered.
class ReconnectBackoff
{
public:
    using Delay = std::chrono::milliseconds;

    // Clamps initial to [100 ms, INT_MAX ms] and maximum to [initial, INT_MAX ms].
    void setLimits(Delay initial, Delay maximum);
    Delay initial() const { return m_initial; }
    Delay maximum() const { return m_maximum; }

    // The delay before the next attempt; each call doubles the one after.
    Delay next();
    // After a success: the next loss starts from the initial delay again.
    void reset();

private:
    Delay m_initial{1000};
    Delay m_maximum{30000};
    Delay m_next{1000};
};

#endif // QTVIRT_CONNECTION_RECONNECTBACKOFF_H
