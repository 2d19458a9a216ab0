// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_POLLREADINESS_H
#define QTVIRT_EVENTLOOP_POLLREADINESS_H

#include "eventloop/readiness.h"

// A zero-timeout poll() per activation: works on any dispatcher, costs a
// system call per event. QTVIRT_EVENT_READINESS=poll forces it, for
// comparison.
class PollReadiness final : public Readiness
{
public:
    const char *name() const override { return "poll() per activation"; }
    std::unique_ptr<FdReadiness> forFd(FdWatch &watch) override;
};

#endif // QTVIRT_EVENTLOOP_POLLREADINESS_H
