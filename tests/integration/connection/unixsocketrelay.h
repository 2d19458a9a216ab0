// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_UNIXSOCKETRELAY_H
#define QTVIRT_TESTS_UNIXSOCKETRELAY_H

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtNetwork/QLocalServer>

// A Unix socket that relays every connection to another one, in this
// thread's event loop, until cut(): then the listening socket disappears
// and every relayed connection ends. It lets a test take a daemon away from
// one client, leaving nothing to reconnect to, without touching the daemon
// that other clients share. Clients must connect without blocking this
// thread (QVirtConnection::open(), not openBlocking()).
class UnixSocketRelay : public QObject
{
public:
    explicit UnixSocketRelay(const QString &targetPath, QObject *parent = nullptr);

    // Listens on path, which must not exist yet. False on failure; errorString() says why.
    bool listen(const QString &path);
    QString errorString() const { return m_server.errorString(); }
    // Stops listening, removes the socket file and ends every relayed connection.
    void cut();

private:
    void relayNext();

    const QString m_targetPath;
    QLocalServer m_server;
};

#endif // QTVIRT_TESTS_UNIXSOCKETRELAY_H
