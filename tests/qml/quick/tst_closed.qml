// SPDX-License-Identifier: LGPL-2.1-or-later
//
// closed(reason) handled in QML and compared with
// Connection's CloseReason enum, in both the unscoped form
// (Connection.Keepalive) and the scoped one (Connection.CloseReason.Client).
import QtQuick
import QtTest
import QtVirt
import QtVirtTest

TestCase {
    id: testCase

    property var reasons: []

    name: "Closed"

    Connection {
        id: connection

        uri: Testbed.testUri

        onClosed: reason => testCase.reasons.push(reason)
    }

    // QML's names have C++'s values.
    function test_enumValues() {
        compare(Connection.Keepalive, Testbed.closeReasonValue("Keepalive"));
        compare(Connection.Eof, Testbed.closeReasonValue("Eof"));
        compare(Connection.Client, Testbed.closeReasonValue("Client"));
        compare(Connection.CloseReason.Keepalive, Testbed.closeReasonValue("Keepalive"));
        compare(Connection.CloseReason.Client, Testbed.closeReasonValue("Client"));
    }

    function test_closeFromQml() {
        tryVerify(() => connection.isOpen, 10000, "the connection opens");
        connection.close();
        tryVerify(() => reasons.length === 1, 10000, "closed(reason) arrives");
        verify(reasons[0] === Connection.CloseReason.Client, "reason " + reasons[0]);
        verify(reasons[0] !== Connection.Keepalive);
        verify(!connection.isOpen);
    }
}
