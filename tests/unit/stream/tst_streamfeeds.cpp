// SPDX-License-Identifier: LGPL-2.1-or-later
//
// StreamFeeds on its own: which connection sockets it holds back for which
// remote streams. No libvirt and no event loop: the test plays libvirt's
// part, naming streams by their timeout ids and sockets by handle ids, and
// records what StreamFeeds asks to hold back or release.

#include "eventtestutil.h"
#include "stream/streamfeeds.h"

#include <QtTest/QTest>

using namespace QtVirtUnit;

namespace {

// Handle ids of two connection sockets, timeout ids of streams.
constexpr int kSocketA = 7;
constexpr int kSocketB = 9;
constexpr int kFirst = 101;
constexpr int kSecond = 102;

// Stand-ins for two virConnectPtr: StreamFeeds only compares them.
const char connectionA = 'a';
const char connectionB = 'b';

} // namespace

class tst_StreamFeeds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void adoptedStreamsSocketIsReleasedForNewStreamOfKnownConnection();
    void adoptedStreamsSocketIsHeldAgainOnceNewStreamShowsItsSocket();
    void knownConnectionsSocketStaysHeldForOtherConnectionsStream();
    void socketIsHeldAgainWhenUnfedStreamGoes();
};

namespace {

// A StreamFeeds whose hold-back requests are recorded, and two real
// sockets (StreamFeeds checks that a stream's feeder is one).
struct Fixture
{
    Fixture()
        : feeds([this](int handle, bool hold) {
            if (hold)
                held.insert(handle);
            else
                held.remove(handle);
            ++requests;
        })
    { }

    QSet<int> held;
    int requests = 0;
    SocketPair socketA;
    SocketPair socketB;
    StreamFeeds feeds;

    // A stream whose data arrived from handle's socket and filled its buffer.
    void stallOn(int stream, int handle)
    {
        feeds.timeoutArmed(stream, handle, fdOf(handle));
        feeds.setStalled(stream, true);
    }
    int fdOf(int handle) const { return handle == kSocketA ? socketA.end(0) : socketB.end(0); }
};

} // namespace

// A stream adopted by QVirtStream(virStreamPtr) has no
// known connection. When every stream that a held socket feeds was adopted,
// the socket's connection is unknown, so any new stream may depend on it:
// StreamFeeds compared the new stream's connection with that unknown one
// (null), found them different and kept the socket held, and the new
// stream, whose data comes through that very socket, never got any.
void tst_StreamFeeds::adoptedStreamsSocketIsReleasedForNewStreamOfKnownConnection()
{
    Fixture fx;
    fx.feeds.addStream(kFirst, nullptr);
    fx.stallOn(kFirst, kSocketA);
    QCOMPARE(fx.held, QSet<int>{kSocketA});

    fx.feeds.addStream(kSecond, &connectionA);
    QCOMPARE(fx.held, QSet<int>());

    // Its data arrives through that socket and fills its buffer too: the
    // socket is held again, now known as connection A's.
    fx.stallOn(kSecond, kSocketA);
    QCOMPARE(fx.held, QSet<int>{kSocketA});
    fx.feeds.setStalled(kSecond, false);
    QCOMPARE(fx.held, QSet<int>());
}

// The release above is only until the new stream shows where its data comes
// from: from another socket, the adopted stream's socket is held again,
// or libvirt would queue the adopted stream's data without bound.
void tst_StreamFeeds::adoptedStreamsSocketIsHeldAgainOnceNewStreamShowsItsSocket()
{
    Fixture fx;
    fx.feeds.addStream(kFirst, nullptr);
    fx.stallOn(kFirst, kSocketA);
    fx.feeds.addStream(kSecond, &connectionB);
    QCOMPARE(fx.held, QSet<int>());

    fx.feeds.timeoutArmed(kSecond, kSocketB, fx.fdOf(kSocketB));
    QCOMPARE(fx.held, QSet<int>{kSocketA});
    fx.feeds.setStalled(kSecond, true);
    QCOMPARE(fx.held, (QSet<int>{kSocketA, kSocketB}));
}

// Known connections stay apart: a new stream of connection B does not
// release connection A's socket.
void tst_StreamFeeds::knownConnectionsSocketStaysHeldForOtherConnectionsStream()
{
    Fixture fx;
    fx.feeds.addStream(kFirst, &connectionA);
    fx.stallOn(kFirst, kSocketA);
    QCOMPARE(fx.held, QSet<int>{kSocketA});
    const int requests = fx.requests;

    fx.feeds.addStream(kSecond, &connectionB);
    QCOMPARE(fx.held, QSet<int>{kSocketA});
    QCOMPARE(fx.requests, requests);
}

// A socket released for a new stream that
// had not yet shown its socket stayed released when that stream went away
// before receiving anything, although every stream left on it was full:
// only sockets already held were looked at again.
void tst_StreamFeeds::socketIsHeldAgainWhenUnfedStreamGoes()
{
    Fixture fx;
    fx.feeds.addStream(kFirst, &connectionA);
    fx.stallOn(kFirst, kSocketA);
    fx.feeds.addStream(kSecond, &connectionA);
    QCOMPARE(fx.held, QSet<int>());

    fx.feeds.removeStream(kSecond);
    QCOMPARE(fx.held, QSet<int>{kSocketA});
    fx.feeds.removeStream(kFirst);
    QCOMPARE(fx.held, QSet<int>());
}

QTEST_GUILESS_MAIN(tst_StreamFeeds)
#include "tst_streamfeeds.moc"
