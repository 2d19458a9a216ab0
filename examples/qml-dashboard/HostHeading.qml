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
    // A section's connection is open, or reconnecting with its rows kept:
    // then the heading shows the URI, and HostBar why.
    text: connection && connection.isOpen
          ? qsTr("%1 (%2)").arg(connection.hostName).arg(connection.hypervisorType)
          : section
}
