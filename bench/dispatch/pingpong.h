// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_PINGPONG_H
#define QTVIRT_BENCH_PINGPONG_H

#include <QtCore/QElapsedTimer>

#include <vector>

// Two pipes that pass one byte back and forth: a round trip is one READABLE
// dispatch on each of them. The first tenth of the round trips warms up and
// is not timed.
class PingPong
{
public:
    explicit PingPong(int roundTrips);
    ~PingPong();
    PingPong(const PingPong &) = delete;
    PingPong &operator=(const PingPong &) = delete;

    int firstReadFd() const { return m_first[0]; }
    int secondReadFd() const { return m_second[0]; }

    void start();
    void onFirstReadable();
    // False once the last round trip is done.
    bool onSecondReadable();
    double roundTripsPerSecond() const;

private:
    int m_first[2];
    int m_second[2];
    const int m_roundTrips;
    const int m_warmup;
    int m_done = 0;
    QElapsedTimer m_clock;
    qint64 m_elapsedNs = 0;
};

// Pipes that nobody writes to: registered handles that never fire.
class IdlePipes
{
public:
    explicit IdlePipes(int count);
    ~IdlePipes();
    IdlePipes(const IdlePipes &) = delete;
    IdlePipes &operator=(const IdlePipes &) = delete;

    const std::vector<int> &readFds() const { return m_readFds; }

private:
    std::vector<int> m_readFds;
    std::vector<int> m_writeFds;
};

// An hour: a timer that stays registered for the whole run without firing.
constexpr int IdleTimerIntervalMs = 3600 * 1000;

#endif // QTVIRT_BENCH_PINGPONG_H
