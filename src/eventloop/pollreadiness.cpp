// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/pollreadiness.h"

#include "eventloop/fdwatch.h"

namespace {

class PollFdReadiness final : public FdReadiness
{
public:
    explicit PollFdReadiness(FdWatch &watch)
        : m_watch(watch)
    { }

    void activated(QSocketNotifier::Type type) override { m_watch.pollAndDispatch(type); }

private:
    FdWatch &m_watch;
};

} // namespace

std::unique_ptr<FdReadiness> PollReadiness::forFd(FdWatch &watch)
{
    return std::make_unique<PollFdReadiness>(watch);
}
