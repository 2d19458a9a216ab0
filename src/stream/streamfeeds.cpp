// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/streamfeeds.h"

#include <sys/stat.h>

namespace {

bool isSocket(int fd)
{
    struct stat status = {};
    return ::fstat(fd, &status) == 0 && S_ISSOCK(status.st_mode);
}

} // namespace

StreamFeeds::StreamFeeds(HoldBack holdBack)
    : m_holdBack(std::move(holdBack))
{ }

void StreamFeeds::beginCapture()
{
    m_capturing = true;
    m_captured = 0;
}

int StreamFeeds::endCapture()
{
    m_capturing = false;
    return m_captured;
}

void StreamFeeds::timeoutAdded(int timeout)
{
    if (m_capturing && m_captured == 0)
        m_captured = timeout;
}

void StreamFeeds::addStream(int timeout, const void *connection)
{
    m_streams.insert(timeout, Stream{connection, 0, false});
    // A new stream wants data, maybe from a socket held back for others.
    reconsiderAll();
}

void StreamFeeds::removeStream(int timeout)
{
    const auto it = m_streams.find(timeout);
    if (it == m_streams.end())
        return;
    m_streams.erase(it);
    // Sockets it kept released while it had shown none may be held now.
    reconsiderAll();
}

void StreamFeeds::setStalled(int timeout, bool stalled)
{
    const auto it = m_streams.find(timeout);
    if (it == m_streams.end() || it->stalled == stalled)
        return;
    it->stalled = stalled;
    reconsiderAll();
}

void StreamFeeds::timeoutArmed(int timeout, int handle, int fd)
{
    const auto it = m_streams.find(timeout);
    // The first socket is the one: a stream's messages all come through
    // the connection it was made on. Anything else is some other callback
    // (a local stream's, on its pipe) touching this stream.
    if (it == m_streams.end() || it->feeder != 0 || !isSocket(fd))
        return;
    it->feeder = handle;
    // Until now it counted for other sockets too.
    reconsiderAll();
}

void StreamFeeds::forget(int feeder)
{
    m_forgotten.insert(feeder);
    reconsider(feeder);
}

void StreamFeeds::reconsider(int feeder)
{
    if (feeder == 0)
        return;
    const void *connection = nullptr;
    bool feeds = false;
    for (const Stream &stream : std::as_const(m_streams)) {
        if (stream.feeder == feeder) {
            feeds = true;
            if (stream.connection)
                connection = stream.connection;
        }
    }
    // A socket whose streams were all adopted (QVirtStream(virStreamPtr))
    // has no known connection: a new stream of any connection may be its.
    bool allStalled = true;
    for (const Stream &stream : std::as_const(m_streams)) {
        const bool mayDependOnIt = stream.feeder == feeder
            || (stream.feeder == 0
                && (!stream.connection || !connection || stream.connection == connection));
        if (mayDependOnIt && !stream.stalled)
            allStalled = false;
    }
    const bool hold = feeds && allStalled && !m_forgotten.contains(feeder);
    if (hold == m_held.contains(feeder))
        return;
    if (hold)
        m_held.insert(feeder);
    else
        m_held.remove(feeder);
    m_holdBack(feeder, hold);
}

void StreamFeeds::reconsiderAll()
{
    // Few streams are open at once; a change to one may concern any socket.
    QSet<int> feeders = m_held;
    for (const Stream &stream : std::as_const(m_streams))
        feeders.insert(stream.feeder);
    for (int feeder : std::as_const(feeders))
        reconsider(feeder);
}
