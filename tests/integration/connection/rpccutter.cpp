// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rpccutter.h"

#include <QtCore/QtEndian>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QLocalSocket>

namespace {

// libvirt's remote protocol: every message starts with its length (the 4
// length bytes included) and a header of XDR words: program, version,
// procedure, type, serial, status.
constexpr qsizetype LengthBytes = 4;
constexpr qsizetype HeaderBytes = LengthBytes + 6 * 4;
constexpr quint32 RemoteProgram = 0x20008086;

quint32 wordAt(const QByteArray &data, qsizetype offset)
{
    return qFromBigEndian<quint32>(data.constData() + offset);
}

} // namespace

RpcCutter::RpcCutter(const QString &daemonSocket, quint32 procedure)
    : m_daemonSocket(daemonSocket)
    , m_procedure(procedure)
{
    connect(&m_server, &QLocalServer::newConnection, this, &RpcCutter::accept);
    if (m_dir.isValid())
        m_server.listen(m_dir.filePath(QStringLiteral("sock")));
}

RpcCutter::~RpcCutter()
{
    while (!m_pipes.isEmpty())
        drop(m_pipes.first());
}

bool RpcCutter::isListening() const
{
    return m_server.isListening();
}

QString RpcCutter::errorString() const
{
    return m_dir.isValid() ? m_server.errorString() : m_dir.errorString();
}

QString RpcCutter::proxiedUri(const QString &uri) const
{
    QUrl url(uri);
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("socket"));
    query.addQueryItem(QStringLiteral("socket"), m_server.fullServerName());
    url.setQuery(query);
    return url.toString();
}

void RpcCutter::accept()
{
    while (QLocalSocket *client = m_server.nextPendingConnection()) {
        auto *pipe = new Pipe{client, new QLocalSocket(this), {}};
        m_pipes.append(pipe);
        connect(client, &QLocalSocket::readyRead, this, [this, pipe] { forwardFromClient(pipe); });
        connect(pipe->daemon, &QLocalSocket::readyRead, this,
                [pipe] { pipe->client->write(pipe->daemon->readAll()); });
        connect(client, &QLocalSocket::disconnected, this, [this, pipe] { drop(pipe); });
        connect(pipe->daemon, &QLocalSocket::disconnected, this, [this, pipe] { drop(pipe); });
        // Connecting to a local socket completes at once, or fails.
        pipe->daemon->connectToServer(m_daemonSocket);
        if (!pipe->daemon->waitForConnected(5000))
            drop(pipe);
    }
}

void RpcCutter::forwardFromClient(Pipe *pipe)
{
    pipe->pending += pipe->client->readAll();
    // Whole messages only, so that a cut request is never half sent.
    while (pipe->pending.size() >= HeaderBytes) {
        const qsizetype length = wordAt(pipe->pending, 0);
        if (length < HeaderBytes || pipe->pending.size() < length)
            return;
        const bool cutHere = !m_cut && wordAt(pipe->pending, LengthBytes) == RemoteProgram
            && wordAt(pipe->pending, LengthBytes + 8) == m_procedure;
        if (cutHere) {
            m_cut = true;
            drop(pipe);
            return;
        }
        pipe->daemon->write(pipe->pending.left(length));
        pipe->pending.remove(0, length);
    }
}

void RpcCutter::drop(Pipe *pipe)
{
    if (!m_pipes.removeOne(pipe))
        return;
    // abort(): no flush of what is buffered, the peer sees the end at once.
    pipe->client->disconnect(this);
    pipe->daemon->disconnect(this);
    pipe->client->abort();
    pipe->daemon->abort();
    pipe->client->deleteLater();
    pipe->daemon->deleteLater();
    delete pipe;
}
