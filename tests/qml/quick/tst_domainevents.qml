// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The one-domain event filter (QVirtConnection::
// domainEvents(), filtered by the daemon) as a QML type. QML had no way to
// reach it: a details view had to take every domain's events and compare
// names itself. DomainEvents gives the filter of the domain it names, whose
// signals a Connections element handles.
import QtQuick
import QtTest
import QtVirt
import QtVirtTest

TestCase {
    id: testCase

    property string watched
    property var seen: []

    name: "DomainEvents"

    Connection {
        id: connection

        uri: Testbed.testUri
    }

    DomainEvents {
        id: filter

        connection: connection
        domainName: testCase.watched
    }

    Connections {
        function onDomainLifecycle(domain, event, detail) {
            testCase.seen.push(domain.name + " " + event);
        }

        target: filter.events
    }

    function test_oneDomainOnly() {
        tryVerify(() => connection.isOpen, 10000, "the connection opens");
        compare(filter.events, null);
        const other = Testbed.defineTestDomain("quick-other");
        watched = Testbed.defineTestDomain("quick-watched");
        verify(other !== "" && watched !== "");
        verify(filter.events !== null, "the filter of the named domain");
        compare(filter.events.domain.name, watched);

        compare(Testbed.startTestDomain(other), "");
        compare(Testbed.startTestDomain(watched), "");
        compare(Testbed.destroyTestDomain(other), "");
        compare(Testbed.destroyTestDomain(watched), "");
        const stopped = watched + " " + QVirtEvents.DomainEvent.Stopped;
        tryVerify(() => seen.indexOf(stopped) >= 0, 10000, "the watched domain's Stopped");
        compare(seen, [watched + " " + QVirtEvents.DomainEvent.Started, stopped]);
    }
}
