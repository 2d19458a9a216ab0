// A program built outside the project, against the installed QtVirt: the
// event loop runs a libvirt timeout, and QVirtDomainModel is usable with
// QtCore alone (no QML), as a Qt Widgets program uses it.
#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>
#include <QtCore/QTimer>

#include <libvirt/libvirt.h>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!QtVirtEventImpl::registerImpl())
        return 2;

    const int timer = virEventAddTimeout(
        10, [](int, void *) { QCoreApplication::exit(0); }, nullptr, nullptr);
    if (timer <= 0)
        return 3;
    QTimer::singleShot(5000, &app, [] { QCoreApplication::exit(4); });
    const int rc = app.exec();
    virEventRemoveTimeout(timer);

    // A closed connection: the model has its columns and no rows.
    QVirtConnection connection;
    QVirtDomainModel model;
    model.addConnection(&connection);
    QStringList titles;
    for (int column = 0; column < model.columnCount(); ++column)
        titles.append(model.headerData(column, Qt::Horizontal).toString());
    model.removeConnection(&connection);

    QtVirtEventImpl::waitForPendingFrees();
    if (rc == 0) {
        std::printf("timeout fired through QtVirt %s\n", QTVIRT_VERSION_STRING);
        std::printf("QVirtDomainModel: %d rows, columns %s\n", model.rowCount(),
                    qPrintable(titles.join(QStringLiteral(", "))));
    }
    return rc;
}
