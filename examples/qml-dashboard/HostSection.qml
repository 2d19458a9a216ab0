// SPDX-License-Identifier: LGPL-2.1-or-later
//
// One host: a heading with its name and hypervisor, then a card for each of
// its domains. The cards of the other hosts' rows are made too but hidden,
// so that one model serves every section in its own order.

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtVirt

Column {
    id: section

    required property DomainModel domainModel
    required property Connection connection

    spacing: 6

    Label {
        objectName: "hostHeading"
        font.bold: true
        font.pixelSize: 16
        text: section.connection.isOpen
              ? qsTr("%1 (%2)").arg(section.connection.hostName).arg(section.connection.hypervisorType)
              : qsTr("%1: not connected").arg(section.connection.uri)
    }
    Flow {
        width: section.width
        spacing: 8
        Repeater {
            model: section.domainModel
            delegate: DomainCard {
                id: domainCard
                domainModel: section.domainModel
                visible: domainCard.uri === section.connection.uri
            }
        }
    }
}
