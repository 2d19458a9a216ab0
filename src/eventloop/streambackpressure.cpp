// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/streambackpressure.h"

#include "eventloop/loopthreadbinding.h"

namespace {

// The binding, when called from its thread.
LoopThreadBinding *loopBinding()
{
    LoopThreadBinding *binding = LoopThreadBinding::instance();
    return binding && binding->isLoopThread() ? binding : nullptr;
}

StreamFeeds *feeds()
{
    LoopThreadBinding *binding = loopBinding();
    return binding ? &binding->streamFeeds() : nullptr;
}

} // namespace

namespace StreamBackpressure {

int watchStream(const void *connection, const std::function<void()> &addCallback)
{
    StreamFeeds *tracker = feeds();
    if (!tracker) {
        addCallback();
        return 0;
    }
    tracker->beginCapture();
    addCallback();
    const int token = tracker->endCapture();
    if (token != 0)
        tracker->addStream(token, connection);
    return token;
}

void setStalled(int token, bool stalled)
{
    if (StreamFeeds *tracker = token ? feeds() : nullptr)
        tracker->setStalled(token, stalled);
}

void unwatchStream(int token)
{
    if (StreamFeeds *tracker = token ? feeds() : nullptr)
        tracker->removeStream(token);
}

void releaseHungUpConnections()
{
    if (LoopThreadBinding *binding = loopBinding())
        binding->releaseHungUpFeeds();
}

} // namespace StreamBackpressure
