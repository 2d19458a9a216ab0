// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A minimal QtVirt application for tst_FrozenDaemon, in one of two modes:
//
//   stuckopenhelper URI QUIT_AFTER_MS
//     opens URI with QVirtConnection::open() and asks its event loop to quit
//     after QUIT_AFTER_MS; the test has frozen the daemon before, so the
//     open is still stuck then.
//
//   stuckopenhelper URI QUIT_AFTER_MS close-frozen
//     opens URI with openBlocking() (keepalive off), prints "opened" and
//     waits for a line on stdin, which the test sends once it has frozen
//     the daemon; then its event loop quits after QUIT_AFTER_MS, with the
//     connection open to the frozen daemon.
//
// Either way it then ends the way README's example does (close(), then
// QtVirtEventImpl::waitForPendingFrees() with its default deadline).
// It prints "quitting STATE" right before quit(), so that the test can time
// how long the exit takes after it, and "exiting" from the last line of
// main(), so that the test can tell a finished main() from a hung one.

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>
#include <QtCore/QMetaEnum>
#include <QtCore/QTimer>

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool closeFrozen = argc == 4 && std::strcmp(argv[3], "close-frozen") == 0;
    if ((argc != 3 && !closeFrozen) || !QtVirtEventImpl::registerImpl())
        return 2;

    QVirtConnection conn;
    const QString uri = QString::fromLocal8Bit(argv[1]);
    if (closeFrozen) {
        // With keepalive off nothing ever gives up on the frozen daemon:
        // the teardown of close() blocks for as long as it stays frozen.
        conn.setKeepAliveInterval(0);
        if (!conn.openBlocking(uri))
            return 3;
        std::printf("opened\n");
        std::fflush(stdout);
        char line[16];
        if (!std::fgets(line, sizeof line, stdin))
            return 4;
    } else {
        conn.open(uri);
    }
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
