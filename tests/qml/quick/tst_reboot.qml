// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A reboot handled in QML. The testbed's QEMU guest is
// started and reset, which QEMU reports as a reboot (the test driver
// reports none); domainRebooted(domain) reaches a QML handler that reads
// the QVirtDomainRef.
import QtQuick
import QtTest
import QtVirt
import QtVirtTest

TestCase {
    id: testCase

    property bool started: false
    property int reboots: 0
    property string rebootedName

    name: "Reboot"

    Connection {
        id: connection

        uri: Testbed.qemuUri

        onDomainLifecycle: (domain, event, detail) => {
            if (domain.name === Testbed.qemuDomain && event === QVirtEvents.DomainEvent.Started)
                testCase.started = true;
        }
        onDomainRebooted: domain => {
            if (domain.name === Testbed.qemuDomain) {
                testCase.rebootedName = domain.name;
                ++testCase.reboots;
            }
        }
    }

    function init() {
        // Not running, whatever an earlier test left (an error is fine).
        Testbed.destroyQemuDomain();
    }

    function cleanup() {
        Testbed.destroyQemuDomain();
    }

    function test_resetIsReboot() {
        tryVerify(() => connection.isOpen, 10000, "the connection opens");
        compare(Testbed.startQemuDomain(), "");
        tryVerify(() => started, 15000, "Started arrives");
        compare(reboots, 0);
        compare(Testbed.resetQemuDomain(), "");
        tryVerify(() => reboots >= 1, 10000, "the reboot arrives");
        compare(rebootedName, Testbed.qemuDomain);
    }
}
