// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A minimal QtVirt application for tst_FrozenDaemon: it opens URI (argv[1])
// with QVirtConnection::open(), asks its event loop to quit after
// QUIT_AFTER_MS (argv[2]), and then ends the way README's example does.
// It prints "quitting STATE" right before quit(), so that the test can time
// how long the exit takes after it, and "exiting" from the last line of
// main(), so that the test can tell a finished main() from a hung one.

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>
#include <QtCore/QMetaEnum>
#include <QtCore/QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3 || !QtVirtEventImpl::registerImpl())
        return 2;

    QVirtConnection conn;
    conn.open(QString::fromLocal8Bit(argv[1]));
    QTimer::singleShot(QByteArray(argv[2]).toInt(), &app, [&conn] {
        std::printf("quitting %s\n",
                    QMetaEnum::fromType<QVirtConnection::State>().valueToKey(
                        static_cast<int>(conn.state())));
        std::fflush(stdout);
        QCoreApplication::quit();
    });

    const int rc = QCoreApplication::exec();
    conn.close();
    QtVirtEventImpl::waitForPendingFrees();
    std::printf("exiting\n");
    std::fflush(stdout);
    return rc;
}
