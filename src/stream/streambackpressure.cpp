// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/streambackpressure.h"

#include "eventloop/loophooks.h"
#include "stream/streamfeeds.h"

namespace {

// Feeds what the event loop observes to StreamFeeds, and StreamFeeds'
// decisions back to the event loop.
class LoopFeeds final : public LoopHooks::Observer
{
public:
    StreamFeeds feeds{[](int handle, bool held) { LoopHooks::holdBackReads(handle, held); }};

    void timeoutAdded(int timeout) override { feeds.timeoutAdded(timeout); }
    void timeoutArmedFromHandle(int timeout, int handle, int fd) override
    {
        feeds.timeoutArmed(timeout, handle, fd);
    }
};

// The loop thread's StreamFeeds, made at the first stream. It lives as long
// as the event loop it observes, that is as long as the process.
StreamFeeds *feeds()
{
    if (!LoopHooks::onLoopThread())
        return nullptr;
    static LoopFeeds *const loopFeeds = [] {
        auto *created = new LoopFeeds;
        LoopHooks::setObserver(created);
        return created;
    }();
    return &loopFeeds->feeds;
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
    StreamFeeds *tracker = feeds();
    if (!tracker)
        return;
    // A socket held back hears nothing, not even its peer's end.
    const QSet<int> held = tracker->heldFeeders();
    for (int feeder : held) {
        if (LoopHooks::peerGone(feeder))
            tracker->forget(feeder);
    }
}

} // namespace StreamBackpressure
