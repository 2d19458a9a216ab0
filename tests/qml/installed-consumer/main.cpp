// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Loads the QtVirt QML module and prints "import QtVirt works" with the
// number of domains of a closed connection (0), or the engine's error.

#include <QtCore/QCoreApplication>
#include <QtQml/QQmlComponent>
#include <QtQml/QQmlEngine>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QQmlEngine engine;
    QQmlComponent component(&engine);
    component.setData(R"(
import QtQml
import QtVirt

QtObject {
    property Connection connection: Connection { }
    property DomainModel model: DomainModel { connections: [connection] }
    readonly property int count: model.count
}
)",
                      QUrl(QStringLiteral("consumer.qml")));
    const std::unique_ptr<QObject> root(component.create());
    if (!root) {
        std::fprintf(stderr, "%s\n", qPrintable(component.errorString()));
        return 1;
    }
    std::printf("import QtVirt works, %d domains\n", root->property("count").toInt());
    return 0;
}
