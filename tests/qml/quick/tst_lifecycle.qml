// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A lifecycle event handled in QML. Connection's
// domainLifecycle(domain, event, detail) carries a QVirtDomainRef and two
// enums; QML could not name the QVirtEvents enums at all, so a handler had
// to compare with bare numbers.
import QtQuick
import QtTest
import QtVirt
import QtVirtTest

TestCase {
    id: testCase

    property string domainName
    property var events: []

    name: "Lifecycle"

    Connection {
        id: connection

        uri: Testbed.testUri

        onDomainLifecycle: (domain, event, detail) => {
            if (domain.name === testCase.domainName)
                testCase.events.push({
                    "event": event,
                    "detail": detail,
                    "uuid": domain.uuidString,
                    "id": domain.id,
                    "valid": domain.valid
                });
        }
    }

    function seen(event, detail) {
        return events.some(e => e.event === event && e.detail === detail);
    }

    // The domain events by their unscoped names, as
    // QVirtEvents.Started, next to the scoped QVirtEvents.DomainEvent.Started.
    // Every QVirtEvents enum registered unscoped would make clashing names
    // wrong (QVirtEvents.Stopped would be NetworkEvent's 3, which is
    // DomainEvent.Suspended; QVirtEvents.Crashed StoppedDetail's 2, which is
    // DomainEvent.Started), so only DomainEvent's names are, and they were
    // undefined in QML.
    function test_unscopedDomainEventNames() {
        const names = ["Defined", "Undefined", "Started", "Suspended", "Resumed", "Stopped",
                       "Shutdown", "PMSuspended", "Crashed"];
        for (const name of names) {
            verify(QVirtEvents[name] !== undefined, name + " is defined");
            compare(QVirtEvents[name], QVirtEvents.DomainEvent[name], name);
        }
        compare(QVirtEvents.Started, QVirtEvents.DomainEvent.Started);
        compare(QVirtEvents.Stopped, QVirtEvents.DomainEvent.Stopped);
        compare(QVirtEvents.Crashed, QVirtEvents.DomainEvent.Crashed);
        // Detail names stay scoped only: Booted is StartedDetail's.
        compare(QVirtEvents.Booted, undefined);
    }

    function test_startedAndStopped() {
        tryVerify(() => connection.isOpen, 10000, "the connection opens");
        domainName = Testbed.defineTestDomain("quick-lifecycle");
        verify(domainName !== "", "the domain is defined");

        compare(Testbed.startTestDomain(domainName), "");
        tryVerify(() => seen(QVirtEvents.DomainEvent.Started, QVirtEvents.StartedDetail.Booted),
                  10000, "Started/Booted arrives");
        compare(Testbed.destroyTestDomain(domainName), "");
        tryVerify(() => seen(QVirtEvents.DomainEvent.Stopped, QVirtEvents.StoppedDetail.Destroyed),
                  10000, "Stopped/Destroyed arrives");
        verify(!seen(QVirtEvents.DomainEvent.Crashed, QVirtEvents.CrashedDetail.Panicked));

        // The domain reference's properties.
        const started = events.find(e => e.event === QVirtEvents.DomainEvent.Started);
        verify(started.valid);
        compare(started.uuid.length, 36);
        verify(started.id > 0, "a running domain has an id");
        verify(QVirtEvents.DomainEvent.Started !== QVirtEvents.DomainEvent.Stopped);
    }
}
