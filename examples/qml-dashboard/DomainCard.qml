// SPDX-License-Identifier: LGPL-2.1-or-later
//
// One domain as a card, a line of the list: name and state, CPU and memory
// sparklines from the model's statistics, and start, shut down and reboot,
// busy until the model reports the action finished, with its error; on the
// right a thumbnail of the screen while it runs (from the QtVirt module's
// image://qtvirt/ provider). Every card has the same height, whatever its
// state. The list makes cards only for the rows in sight: a card's
// sparklines begin when it comes into sight, and a card scrolled away
// forgets its busy state and its action's error (the model's
// actionFinished() still comes).

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtVirt

Pane {
    id: card

    required property DomainModel domainModel
    required property int index
    required property string name
    required property string uuid
    required property string uri
    required property int domainState
    required property string stateText
    required property real memory
    required property int vcpus
    // Undefined until the model has two samples of a running domain.
    required property var cpuPercent
    required property var memoryUsed

    readonly property bool running: domainState === DomainModel.Running
    readonly property bool paused: domainState === DomainModel.Paused
    // Set by a button, cleared when the model reports the action finished.
    property bool busy: false
    property string error
    // Changed to take a new screenshot: the image's source changes with it.
    property int screenGeneration: 0
    // While the list moves, cards come and go: none takes a screenshot
    // until it has stopped.
    property bool scrolling: false

    // started is what the model's action returned: false for a row that is
    // gone, when no actionFinished() will come.
    function began(started) {
        card.error = "";
        card.busy = started;
    }

    padding: 8
    background: Rectangle {
        color: "#ffffff"
        border.color: card.running ? "#2e9d4a" : "#c8c8c8"
        radius: 6
    }

    onCpuPercentChanged: if (cpuPercent !== undefined) cpuLine.add(cpuPercent)
    onMemoryUsedChanged: if (memoryUsed !== undefined) memoryLine.add(memoryUsed)

    Connections {
        // A failure came through errorOccurred() just before, so
        // errorString describes it here.
        function onActionFinished(action, name, uuid, succeeded) {
            if (uuid !== card.uuid)
                return;
            card.busy = false;
            card.error = succeeded ? "" : card.domainModel.errorString;
        }

        target: card.domainModel
    }

    FontMetrics {
        id: fontMetrics
        font: card.font
    }

    Timer {
        interval: 3000
        repeat: true
        running: card.running && !card.scrolling
        triggeredOnStart: true
        onTriggered: ++card.screenGeneration
    }

    RowLayout {
        width: card.availableWidth
        spacing: 12
        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: 4
            RowLayout {
                spacing: 6
                Rectangle {
                    width: 10
                    height: 10
                    radius: 5
                    color: card.running ? "#2e9d4a" : card.paused ? "#e6a817" : "#9a9a9a"
                }
                Label {
                    objectName: "domainName"
                    text: card.name
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "domainState"
                    text: card.stateText
                    color: "#444444"
                }
            }
            Label {
                text: qsTr("CPU %1 %").arg(card.cpuPercent === undefined ? "–"
                                                                         : card.cpuPercent.toFixed(1))
                color: "#666666"
            }
            Sparkline {
                id: cpuLine
                maximum: 100
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Memory %1 of %2 MiB")
                          .arg(card.memoryUsed === undefined ? "–" : Math.round(card.memoryUsed / 1024))
                          .arg(Math.round(card.memory / 1024))
                color: "#666666"
            }
            Sparkline {
                id: memoryLine
                color: "#8e44ad"
                maximum: card.memory
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: 6
                Button {
                    objectName: "startButton"
                    text: qsTr("Start")
                    visible: !card.running && !card.paused
                    enabled: !card.busy
                    onClicked: card.began(card.domainModel.startDomain(card.index))
                }
                Button {
                    text: qsTr("Shut down")
                    visible: card.running
                    enabled: !card.busy
                    onClicked: card.began(card.domainModel.shutdownDomain(card.index))
                }
                Button {
                    text: qsTr("Reboot")
                    visible: card.running
                    enabled: !card.busy
                    onClicked: card.began(card.domainModel.rebootDomain(card.index))
                }
                Button {
                    text: qsTr("Destroy")
                    visible: card.running || card.paused
                    enabled: !card.busy
                    onClicked: card.began(card.domainModel.destroyDomain(card.index))
                }
                BusyIndicator {
                    running: card.busy
                    visible: card.busy
                    Layout.preferredWidth: 24
                    Layout.preferredHeight: 24
                }
            }
            // Two lines kept for an error, so that one changes no card's size.
            Label {
                objectName: "actionError"
                text: card.error
                color: "#c0392b"
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                Layout.fillWidth: true
                Layout.preferredHeight: 2 * fontMetrics.height
            }
        }
        // The screen's place, kept also while there is no screen.
        Rectangle {
            color: "#f2f2f2"
            Layout.preferredWidth: 284
            Layout.preferredHeight: 158
            Layout.alignment: Qt.AlignTop
            Image {
                objectName: "thumbnail"
                anchors.fill: parent
                visible: card.running
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                cache: false
                // The provider scales to fit, so that nothing is scaled
                // again when it is drawn.
                sourceSize.width: 284
                sourceSize.height: 158
                source: card.running && card.screenGeneration > 0
                        ? "image://qtvirt/" + encodeURIComponent(card.uri) + "/" + card.uuid + "?"
                          + card.screenGeneration
                        : ""
            }
        }
    }
}
