// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The dashboard's window: one Connection per URI, one DomainModel over all
// of them with statistics every second, a bar with each host's state, and
// a section of domain cards per host.

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtVirt

ApplicationWindow {
    id: window

    // libvirt URIs: set by main.cpp (or a test); run by Qt's `qml` tool,
    // the arguments after "--":
    //     qml -I BUILD/qml examples/qml-dashboard/Main.qml -- URI...
    property var uris: {
        const args = Qt.application.arguments;
        const dashes = args.indexOf("--");
        return dashes >= 0 ? args.slice(dashes + 1) : [];
    }
    // For tests, which look at what the view shows.
    readonly property alias domainModel: domains

    width: 1280
    height: 800
    visible: true
    title: qsTr("QtVirt dashboard")

    DomainModel {
        id: domains
        // The cards' CPU and memory sparklines.
        statsInterval: 1000
        // errorString names the domain already.
        onActionFinished: (action, name, uuid, succeeded) => {
            status.text = succeeded ? qsTr("%1: done").arg(name) : domains.errorString;
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

    ScrollView {
        id: scroller
        anchors.fill: parent
        anchors.margins: 8
        contentWidth: availableWidth
        Column {
            width: scroller.availableWidth
            spacing: 16
            Repeater {
                // By index, as HostBar does (Qt 6.4's Repeater and a list property).
                model: domains.connections.length
                delegate: HostSection {
                    required property int index
                    width: scroller.availableWidth
                    domainModel: domains
                    connection: domains.connections[index]
                }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: domains.count === 0
            text: qsTr("No domains")
        }
    }

    footer: Label {
        id: status
        padding: 6
        text: qsTr("%n domain(s)", "", domains.count)
    }
}
