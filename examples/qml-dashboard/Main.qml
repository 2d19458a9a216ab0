// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The dashboard's window: one Connection per URI, one DomainModel over all
// of them, a bar with each host's state and the list of domains.

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtVirt

ApplicationWindow {
    id: window

    // libvirt URIs, from main.cpp (or a test).
    required property var uris
    // For tests, which look at what the view shows.
    readonly property alias domainModel: domains

    width: 960
    height: 540
    visible: true
    title: qsTr("QtVirt dashboard")

    DomainModel {
        id: domains
        onActionFinished: (action, name, uuid, succeeded, errorString) => {
            status.text = succeeded ? qsTr("%1: done").arg(name)
                                    : qsTr("%1: %2").arg(name).arg(errorString);
        }
    }

    Instantiator {
        model: window.uris
        delegate: Connection {
            required property string modelData
            uri: modelData
            autoReconnect: true
        }
        onObjectAdded: (index, connection) => domains.connections.push(connection)
    }

    header: HostBar {
        connections: domains.connections
    }

    ListView {
        id: list
        anchors.fill: parent
        clip: true
        model: domains
        delegate: DomainDelegate {
            width: list.width
            domainModel: domains
        }
        Label {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("No domains")
        }
    }

    footer: Label {
        id: status
        padding: 6
        text: qsTr("%n domain(s)", "", domains.count)
    }
}
