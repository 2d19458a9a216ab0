// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run by tst_qmlruntime with Qt's own `qml` tool, as a new user would run a
// dashboard: no C++ of its own, so nothing registers libvirt's event loop
// unless `import QtVirt` does.
//
//     qml domainwatch.qml -- URI
//
// The tool exits at once unless the file makes a window, so the root is
// one, never shown (the test runs it on the offscreen platform).
//
// Prints "qtvirt-row NAME STATE" for every domain when it appears and
// whenever its state changes (STATE is DomainModel's State as a number).
import QtQuick
import QtVirt

Window {
    id: root

    visible: false

    readonly property var arguments: Qt.application.arguments

    property Connection connection: Connection {
        uri: root.arguments[root.arguments.length - 1]
        onOpened: console.info("qtvirt-opened")
    }

    property DomainModel model: DomainModel {
        connections: [root.connection]
    }

    property Instantiator rows: Instantiator {
        model: root.model

        delegate: QtObject {
            required property string name
            required property int domainState

            function report() {
                console.info("qtvirt-row " + name + " " + domainState);
            }

            onDomainStateChanged: report()
            Component.onCompleted: report()
        }
    }
}
