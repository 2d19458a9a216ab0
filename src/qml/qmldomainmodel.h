// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_QMLDOMAINMODEL_H
#define QTVIRT_QML_QMLDOMAINMODEL_H

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>

#include <QtQml/QQmlListProperty>
#include <QtQml/qqmlregistration.h>

// `DomainModel` in QML: a QVirtDomainModel, with all its roles, enums,
// actions and signals, whose connections are a list property that QML can
// bind, assign and push() to:
//
//     DomainModel { connections: [conn1, conn2] }
//
// QtVirtCore knows nothing of QML, so the list property is added here.
class QmlDomainModel : public QVirtDomainModel
{
    Q_OBJECT
    QML_NAMED_ELEMENT(DomainModel)
    Q_PROPERTY(
        QQmlListProperty<QVirtConnection> connections READ connectionList NOTIFY connectionsChanged)

public:
    explicit QmlDomainModel(QObject *parent = nullptr);

private:
    QQmlListProperty<QVirtConnection> connectionList();
};

#endif // QTVIRT_QML_QMLDOMAINMODEL_H
