// A program built outside the project, against the installed QtVirt.
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>
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
    QtVirtEventImpl::waitForPendingFrees();
    if (rc == 0)
        std::printf("timeout fired through QtVirt %s\n", QTVIRT_VERSION_STRING);
    return rc;
}
