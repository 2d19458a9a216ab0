// SPDX-License-Identifier: LGPL-2.1-or-later
#include "unixsocketrelay.h"

#include <QtNetwork/QLocalServer>
#include <QtNetwork/QLocalSocket>

namespace {

// count, when given, adds up the bytes forwarded.
void forward(QLocalSocket *from, QLocalSocket *to, std::atomic<qint64> *count = nullptr)
{
    QObject::connect(from, &QLocalSocket::readyRead, to, [from, to, count] {
        const QByteArray data = from->readAll();
        if (count)
            *count += data.size();
        to->write(data);
    });
    QObject::connect(from, &QLocalSocket::disconnected, to, [to] { to->abort(); });
}

} // namespace

UnixSocketRelay::UnixSocketRelay(const QString &targetPath)
    : m_targetPath(targetPath)
    , m_server(new QLocalServer)
{
    m_server->moveToThread(&m_thread);
    QObject::connect(m_server, &QLocalServer::newConnection, m_server, [this] { relayNext(); });
    QObject::connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    m_thread.start();
}

UnixSocketRelay::~UnixSocketRelay()
{
    cut();
    m_thread.quit();
    m_thread.wait();
}

QString UnixSocketRelay::listen(const QString &path)
{
    QString error;
    QMetaObject::invokeMethod(
        m_server,
        [&] {
            if (!m_server->listen(path))
                error = m_server->errorString();
        },
        Qt::BlockingQueuedConnection);
    return error;
}

void UnixSocketRelay::relayNext()
{
    while (QLocalSocket *client = m_server->nextPendingConnection()) {
        auto *upstream = new QLocalSocket(client);
        upstream->connectToServer(m_targetPath);
        // A local connect completes at once; a client of a missing target is dropped.
        if (!upstream->waitForConnected(5000)) {
            client->abort();
            client->deleteLater();
            continue;
        }
        forward(client, upstream);
        forward(upstream, client, &m_bytesToClients);
        QObject::connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
        // What the client sent before the relay was in place.
        if (client->bytesAvailable() > 0)
            upstream->write(client->readAll());
    }
}

void UnixSocketRelay::cut()
{
    QMetaObject::invokeMethod(
        m_server,
        [this] {
            m_server->close();
            const auto clients = m_server->findChildren<QLocalSocket *>(Qt::FindDirectChildrenOnly);
            for (QLocalSocket *client : clients)
                client->abort();
        },
        Qt::BlockingQueuedConnection);
}
