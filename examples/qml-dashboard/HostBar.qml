// SPDX-License-Identifier: LGPL-2.1-or-later
//
// One line per connection: its URI, state, host name and hypervisor.

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtVirt

Pane {
    id: bar

    required property var connections

    padding: 6

    Column {
        spacing: 2
        Repeater {
            // By index: given the list property itself, Qt 6.4's Repeater
            // showed one connection three times (with three domains listed).
            model: bar.connections.length
            delegate: RowLayout {
                id: host
                required property int index
                readonly property Connection modelData: bar.connections[index]
                spacing: 8
                Rectangle {
                    width: 10
                    height: 10
                    radius: 5
                    color: host.modelData.isOpen ? "#2e9d4a" : "#c0392b"
                }
                Label {
                    font.bold: true
                    text: host.modelData.isOpen
                          ? qsTr("%1 (%2)").arg(host.modelData.hostName).arg(host.modelData.hypervisorType)
                          : qsTr("not connected")
                }
                Label {
                    text: host.modelData.uri
                    color: "#666666"
                }
                Label {
                    visible: !host.modelData.isOpen && host.modelData.error !== Connection.NoError
                    text: host.modelData.errorString
                    color: "#c0392b"
                }
            }
        }
    }
}
