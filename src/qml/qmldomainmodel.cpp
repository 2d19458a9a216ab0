// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmldomainmodel.h"

QmlDomainModel::QmlDomainModel(QObject *parent)
    : QVirtDomainModel(parent)
{ }

QQmlListProperty<QVirtConnection> QmlDomainModel::connectionList()
{
    using List = QQmlListProperty<QVirtConnection>;
    return List(
        this, nullptr,
        [](List *list, QVirtConnection *connection) {
            static_cast<QmlDomainModel *>(list->object)->addConnection(connection);
        },
        [](List *list) {
            return static_cast<QmlDomainModel *>(list->object)->connections().size();
        },
        [](List *list, qsizetype index) {
            return static_cast<QmlDomainModel *>(list->object)->connections().at(index);
        },
        [](List *list) {
            auto *model = static_cast<QmlDomainModel *>(list->object);
            // The last first, as removing from the end of a list does.
            while (!model->connections().isEmpty())
                model->removeConnection(model->connections().constLast());
        });
}
