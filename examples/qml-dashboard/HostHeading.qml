// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The heading of one host's section: its name and hypervisor, found among
// the connections by the section's URI.

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtVirt

Label {
    // The section's value: the URI of the domains' connection.
    required property string section
    required property var connections
    readonly property Connection connection: {
        for (let i = 0; i < connections.length; ++i) {
            if (connections[i].uri === section)
                return connections[i];
        }
        return null;
    }

    objectName: "hostHeading"
    topPadding: 8
    font.bold: true
    font.pixelSize: 16
    // The model lists no domains of a closed connection, so a section's
    // connection is open but for a moment; HostBar shows hosts that are not.
    text: connection && connection.isOpen
          ? qsTr("%1 (%2)").arg(connection.hostName).arg(connection.hypervisorType)
          : section
}
