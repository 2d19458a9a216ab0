// SPDX-License-Identifier: LGPL-2.1-or-later
#include "unixsocketrelay.h"

#include <QtNetwork/QLocalSocket>

namespace {

void forward(QLocalSocket *from, QLocalSocket *to)
{
    QObject::connect(from, &QLocalSocket::readyRead, to, [from, to] { to->write(from->readAll()); });
    QObject::connect(from, &QLocalSocket::disconnected, to, [to] { to->abort(); });
}

} // namespace

UnixSocketRelay::UnixSocketRelay(const QString &targetPath, QObject *parent)
    : QObject(parent)
    , m_targetPath(targetPath)
{
    connect(&m_server, &QLocalServer::newConnection, this, &UnixSocketRelay::relayNext);
}

bool UnixSocketRelay::listen(const QString &path)
{
    return m_server.listen(path);
}

void UnixSocketRelay::relayNext()
{
    while (QLocalSocket *client = m_server.nextPendingConnection()) {
        auto *upstream = new QLocalSocket(client);
        upstream->connectToServer(m_targetPath);
        // A local connect completes at once; a client of a missing target is dropped.
        if (!upstream->waitForConnected(5000)) {
            client->abort();
            client->deleteLater();
            continue;
        }
        forward(client, upstream);
        forward(upstream, client);
        connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
        // What the client sent before the relay was in place.
        if (client->bytesAvailable() > 0)
            upstream->write(client->readAll());
    }
}

void UnixSocketRelay::cut()
{
    m_server.close();
    for (QLocalSocket *client : m_server.findChildren<QLocalSocket *>(Qt::FindDirectChildrenOnly))
        client->abort();
}
