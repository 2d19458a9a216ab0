// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The dashboard's window: one Connection per URI, one DomainModel over all
// of them with statistics every second, a bar with each host's state, and
// a section of domain cards per host.

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
        // A host whose domains cannot be listed or measured; an action's
        // failure is shown above, when it finished.
        onErrorOccurred: (error) => {
            if (error !== DomainModel.ActionError)
                status.text = domains.errorString;
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

    // The model lists each connection's domains together, in the order of
    // the connections: one section per host. A ListView makes cards only
    // for the rows in sight, so that a thousand domains cost what a
    // screenful does (a Repeater's every card takes each change of any row).
    ListView {
        id: view
        objectName: "domainList"
        anchors.fill: parent
        anchors.margins: 8
        clip: true
        spacing: 8
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {
            id: scrollBar
        }
        model: domains
        section.property: "uri"
        // Main.qml has no "pragma ComponentBehavior: Bound": with it, Qt
        // 6.4's ListView makes no section delegate ("Component is not
        // ready"). Without it, qmllint takes the delegates' use of this
        // file's ids for unqualified access, which it is not.
        // qmllint disable unqualified
        section.delegate: HostHeading {
            width: view.width - scrollBar.width
            connections: domains.connections
        }
        delegate: DomainCard {
            // Clear of the scroll bar, which would cover the thumbnails.
            width: view.width - scrollBar.width
            domainModel: domains
            scrolling: view.moving || scrollBar.pressed
        }
        // qmllint enable unqualified
    }
    // Beside the list, not in it: in a ListView it would lie in the
    // content, at the top of an empty list, half cut off.
    Label {
        anchors.centerIn: view
        visible: domains.count === 0
        text: qsTr("No domains")
    }

    footer: Label {
        id: status
        padding: 6
        text: qsTr("%n domain(s)", "", domains.count)
    }
}
