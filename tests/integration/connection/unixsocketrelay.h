// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_UNIXSOCKETRELAY_H
#define QTVIRT_TESTS_UNIXSOCKETRELAY_H

#include <QtCore/QString>
#include <QtCore/QThread>

#include <atomic>

class QLocalServer;

// A Unix socket that relays every connection to another one, from a thread
// of its own (a client may block the test's thread in a synchronous call),
// until cut(): then the listening socket disappears and every relayed
// connection ends. It lets a test take a daemon away from one client,
// leaving nothing to reconnect to, without touching the daemon that other
// clients share.
class UnixSocketRelay
{
public:
    explicit UnixSocketRelay(const QString &targetPath);
    ~UnixSocketRelay();
    UnixSocketRelay(const UnixSocketRelay &) = delete;
    UnixSocketRelay &operator=(const UnixSocketRelay &) = delete;

    // Listens on path, which must not exist yet. An empty string, or why it failed.
    QString listen(const QString &path);
    // Stops listening, removes the socket file and ends every relayed connection.
    void cut();
    // How many bytes went from the target to the relayed clients so far.
    qint64 bytesToClients() const { return m_bytesToClients.load(); }

private:
    void relayNext();

    const QString m_targetPath;
    QThread m_thread;
    QLocalServer *const m_server;
    std::atomic<qint64> m_bytesToClients{0};
};

#endif // QTVIRT_TESTS_UNIXSOCKETRELAY_H
