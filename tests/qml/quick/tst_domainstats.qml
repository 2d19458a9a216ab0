// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Statistics and actions in QML. A dashboard binds DomainModel's
// statsInterval and reads its statistics roles (cpuPercent, memoryUsed and
// the disk and network rates) in delegates, and learns from errorOccurred()
// and errorString why an action failed. Only C++ tests read them before;
// here the testbed's QEMU guest runs, a delegate's roles become numbers, a
// bound statsInterval follows its binding, and starting the running guest
// again fails with libvirt's reason in QML.
import QtQuick
import QtQml.Models
import QtTest
import QtVirt
import QtVirtTest

TestCase {
    id: testCase

    property int interval: 400
    property var guest: null
    property var finished: []
    property var errors: []

    name: "DomainStats"

    Connection {
        id: connection

        uri: Testbed.qemuUri
    }

    DomainModel {
        id: model

        connections: [connection]
        statsInterval: testCase.interval

        onErrorOccurred: error => testCase.errors.push(error)
        onActionFinished: (action, name, uuid, succeeded) => {
            testCase.finished.push({
                "action": action,
                "name": name,
                "succeeded": succeeded,
                "errorString": model.errorString
            });
        }
    }

    Instantiator {
        model: model

        delegate: QtObject {
            required property int index
            required property string name
            required property int domainState
            required property var cpuPercent
            required property var memoryUsed
            required property var diskReadRate
            required property var diskWriteRate
            required property var netRxRate
            required property var netTxRate

            Component.onCompleted: {
                if (name === Testbed.qemuDomain)
                    testCase.guest = this;
            }
        }
    }

    // The guest is started once for both tests (each start costs a few
    // seconds of CI), from whatever state an earlier test file left.
    function initTestCase() {
        Testbed.destroyQemuDomain();
    }

    function cleanupTestCase() {
        Testbed.destroyQemuDomain();
    }

    function runningGuest() {
        tryVerify(() => connection.isOpen, 10000, "the connection opens");
        tryVerify(() => guest !== null, 10000, "the guest's row");
        if (guest.domainState !== DomainModel.Running)
            compare(Testbed.startQemuDomain(), "");
        tryVerify(() => guest.domainState === DomainModel.Running, 15000, "the guest runs");
    }

    function test_rolesAndInterval() {
        compare(model.statsInterval, 400, "statsInterval follows its binding");
        interval = 300;
        compare(model.statsInterval, 300);

        runningGuest();
        // Two samples make a CPU figure; every figure is a number then.
        tryVerify(() => typeof guest.cpuPercent === "number", 15000, "cpuPercent arrives");
        tryVerify(() => typeof guest.memoryUsed === "number" && guest.memoryUsed > 0, 15000,
                  "memoryUsed arrives");
        verify(guest.cpuPercent >= 0, guest.cpuPercent);
        for (const rate of [guest.diskReadRate, guest.diskWriteRate, guest.netRxRate,
                            guest.netTxRate])
            verify(rate === undefined || (typeof rate === "number" && rate >= 0), rate);
    }

    function test_actionErrorReachesQml() {
        runningGuest();
        finished = [];
        errors = [];
        verify(model.startDomain(guest.index), "the row exists");
        tryVerify(() => finished.length === 1, 15000, "actionFinished arrives");
        compare(finished[0].action, DomainModel.Start);
        compare(finished[0].name, Testbed.qemuDomain);
        compare(finished[0].succeeded, false);
        verify(finished[0].errorString.indexOf("already running") >= 0, finished[0].errorString);
        verify(finished[0].errorString.indexOf(Testbed.qemuDomain) >= 0, finished[0].errorString);
        compare(errors, [DomainModel.ActionError]);
        compare(model.error, DomainModel.ActionError);
    }
}
