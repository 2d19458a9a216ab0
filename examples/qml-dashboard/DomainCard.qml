// SPDX-License-Identifier: LGPL-2.1-or-later
//
// One domain: name, state, size and host, and the actions its state allows.

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtVirt

ItemDelegate {
    id: row

    required property DomainModel domainModel
    required property int index
    required property string name
    required property int domainState
    required property string stateText
    required property bool persistent
    required property bool autostart
    required property real memory
    required property int vcpus
    required property string host

    readonly property bool running: domainState === DomainModel.Running
    readonly property bool paused: domainState === DomainModel.Paused

    contentItem: RowLayout {
        spacing: 12
        Rectangle {
            width: 12
            height: 12
            radius: 6
            color: row.running ? "#2e9d4a" : row.paused ? "#e6a817" : "#9a9a9a"
        }
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Label {
                objectName: "domainName"
                text: row.name
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("%1 · %2").arg(row.host)
                          .arg(row.persistent ? (row.autostart ? qsTr("persistent, autostart")
                                                               : qsTr("persistent"))
                                              : qsTr("transient"))
                color: "#666666"
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        Label {
            text: row.stateText
            Layout.preferredWidth: 90
        }
        Label {
            text: qsTr("%1 MiB, %n vCPU(s)", "", row.vcpus).arg(Math.round(row.memory / 1024))
            Layout.preferredWidth: 140
        }
        // A fixed width keeps the columns aligned whatever buttons a row has;
        // right to left puts the buttons a row has at the right edge.
        Row {
            Layout.preferredWidth: 4 * 86 + 3 * spacing
            layoutDirection: Qt.RightToLeft
            spacing: 6
            Button {
                text: qsTr("Destroy")
                width: 86
                visible: row.running || row.paused
                onClicked: row.domainModel.destroyDomain(row.index)
            }
            Button {
                text: qsTr("Reboot")
                width: 86
                visible: row.running
                onClicked: row.domainModel.rebootDomain(row.index)
            }
            Button {
                text: qsTr("Shut down")
                width: 86
                visible: row.running
                onClicked: row.domainModel.shutdownDomain(row.index)
            }
            Button {
                text: qsTr("Pause")
                width: 86
                visible: row.running
                onClicked: row.domainModel.suspendDomain(row.index)
            }
            Button {
                text: qsTr("Resume")
                width: 86
                visible: row.paused
                onClicked: row.domainModel.resumeDomain(row.index)
            }
            Button {
                text: qsTr("Start")
                width: 86
                visible: !row.running && !row.paused
                onClicked: row.domainModel.startDomain(row.index)
            }
        }
    }
}
