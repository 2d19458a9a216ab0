// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A domain's screen as a QML image, for thumbnails.
// QVirtConnection::domainScreenshot() existed only for C++; an Image in QML
// had no way to show a guest's screen. image://qtvirt/CONNECTION/UUID
// (CONNECTION the Connection's URI, percent-encoded as one path segment)
// gives the current screen of the running domain, and a new query suffix
// asks for a new one: here the testbed's QEMU guest runs and its screen
// is shown, then it stops, and the same id with
// another suffix no longer shows the old screen.
import QtQuick
import QtTest
import QtVirt
import QtVirtTest

TestCase {
    id: testCase

    property string domainUuid
    property bool started: false

    name: "Screenshot"

    function source(uri, uuid, generation) {
        return "image://qtvirt/" + encodeURIComponent(uri) + "/" + uuid + "?" + generation;
    }

    Connection {
        id: connection

        uri: Testbed.qemuUri

        onDomainLifecycle: (domain, event, detail) => {
            if (domain.name === Testbed.qemuDomain && event === QVirtEvents.DomainEvent.Started) {
                testCase.domainUuid = domain.uuidString;
                testCase.started = true;
            }
        }
    }

    Image {
        id: screen

        asynchronous: true
        cache: false
    }

    // A thumbnail: only the width asked for, the height follows the
    // screen's aspect (a 0 height once made the provider return nothing).
    Image {
        id: thumbnail

        asynchronous: true
        cache: false
        sourceSize.width: 160
    }

    // A Connection of its own for the closed-connection test, with the
    // test driver's URI, which no other Connection here has.
    Component {
        id: closingConnection

        Connection { }
    }

    function init() {
        Testbed.destroyQemuDomain();
    }

    function cleanup() {
        // A failed step leaves the daemon frozen: thawed first.
        Testbed.thawDaemon();
        Testbed.destroyQemuDomain();
    }

    function test_screenOfRunningGuest() {
        tryVerify(() => connection.isOpen, 10000, "the connection opens");
        compare(Testbed.startQemuDomain(), "");
        tryVerify(() => started, 15000, "Started arrives");
        compare(domainUuid.length, 36);
        // The guest draws its first text screen right after the start.
        screen.source = source(Testbed.qemuUri, domainUuid, 1);
        tryVerify(() => screen.status === Image.Ready || screen.status === Image.Error, 15000);
        compare(screen.status, Image.Ready);
        // QEMU's VGA: 640x480 until the BIOS switches to its 720x400 text
        // mode.
        verify(screen.sourceSize.width >= 640, screen.sourceSize.width);
        verify(screen.sourceSize.height >= 400, screen.sourceSize.height);
        thumbnail.source = source(Testbed.qemuUri, domainUuid, 1);
        tryVerify(() => thumbnail.status === Image.Ready || thumbnail.status === Image.Error, 15000);
        compare(thumbnail.status, Image.Ready);
        compare(thumbnail.implicitWidth, 160);
        verify(thumbnail.implicitHeight >= 80 && thumbnail.implicitHeight <= 130,
               thumbnail.implicitHeight);

        // Stopped: the same domain has no screen, and the refreshed image
        // says so instead of showing the old one.
        compare(Testbed.destroyQemuDomain(), "");
        // The Image reports libvirt's reason.
        ignoreWarning(new RegExp("QML Image: .*domain is not running"));
        screen.source = source(Testbed.qemuUri, domainUuid, 2);
        tryVerify(() => screen.status === Image.Ready || screen.status === Image.Error, 15000);
        compare(screen.status, Image.Error);
    }

    function test_unknownConnection() {
        ignoreWarning(new RegExp("QML Image: No open Connection has the URI qemu:///nowhere$"));
        screen.source = source("qemu:///nowhere", "00000000-0000-0000-0000-000000000001", 1);
        tryVerify(() => screen.status === Image.Ready || screen.status === Image.Error, 15000);
        compare(screen.status, Image.Error);
    }

    // A screenshot whose Connection closes while the call waits for the
    // daemon (frozen here) ends with an error, not Loading for ever: the
    // closing connection cancels the call, and the provider once reported
    // only results and failures, not a cancellation.
    function test_connectionClosedDuringScreenshot() {
        const closing = createTemporaryObject(closingConnection, testCase,
                                              { uri: Testbed.testUri });
        tryVerify(() => closing.isOpen, 10000, "the connection opens");
        const uuid = Testbed.testDomainUuid("test");
        compare(uuid.length, 36);
        compare(Testbed.freezeDaemon(), "");
        screen.source = source(Testbed.testUri, uuid, 3);
        compare(screen.status, Image.Loading);
        // The provider's job starts its call from the engine's event loop.
        wait(300);
        compare(screen.status, Image.Loading);
        closing.destroy();
        ignoreWarning(new RegExp("QML Image: The screenshot was canceled$"));
        tryVerify(() => screen.status !== Image.Loading, 5000, "the image ends");
        const ended = screen.status;
        compare(Testbed.thawDaemon(), "");
        compare(ended, Image.Error);
    }
}
