// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rpccutter.h"

#include <QtCore/QList>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtCore/QtEndian>
#include <QtNetwork/QLocalServer>
#include <QtNetwork/QLocalSocket>

namespace {

// libvirt's remote protocol: every message starts with its length (the 4
// length bytes included) and a header of XDR words: program, version,
// procedure, type, serial, status (docs/libvirt-calls.md, "Remote procedure
// numbers the tests watch").
constexpr qsizetype LengthBytes = 4;
constexpr qsizetype HeaderBytes = LengthBytes + 6 * 4;
constexpr quint32 RemoteProgram = 0x20008086;

quint32 wordAt(const QByteArray &data, qsizetype offset)
{
    return qFromBigEndian<quint32>(data.constData() + offset);
}

} // namespace

// The forwarding itself, in the cutter's thread.
class RpcCutterProxy : public QObject
{
public:
    RpcCutterProxy(const QString &daemonSocket, std::optional<quint32> procedure,
                   std::atomic<bool> *cut, std::atomic<qint64> *bytesToClients)
        : m_daemonSocket(daemonSocket)
        , m_procedure(procedure)
        , m_cut(cut)
        , m_bytesToClients(bytesToClients)
        , m_server(new QLocalServer(this))
    {
        connect(m_server, &QLocalServer::newConnection, this, &RpcCutterProxy::accept);
    }

    ~RpcCutterProxy() override
    {
        while (!m_pipes.isEmpty())
            drop(m_pipes.first());
    }

    QString listen(const QString &path)
    {
        return m_server->listen(path) ? QString() : m_server->errorString();
    }

    void cutAll()
    {
        *m_cut = true;
        // close() removes the socket file too.
        m_server->close();
        while (!m_pipes.isEmpty())
            drop(m_pipes.first());
    }

private:
    struct Pipe
    {
        QLocalSocket *client;
        QLocalSocket *daemon;
        QByteArray pending; // from the client, not yet forwarded
    };

    void accept()
    {
        while (QLocalSocket *client = m_server->nextPendingConnection()) {
            auto *pipe = new Pipe{client, new QLocalSocket(this), {}};
            m_pipes.append(pipe);
            connect(client, &QLocalSocket::readyRead, this, [this, pipe] { forward(pipe); });
            connect(pipe->daemon, &QLocalSocket::readyRead, this, [this, pipe] {
                const QByteArray data = pipe->daemon->readAll();
                *m_bytesToClients += data.size();
                pipe->client->write(data);
            });
            connect(client, &QLocalSocket::disconnected, this, [this, pipe] { drop(pipe); });
            connect(pipe->daemon, &QLocalSocket::disconnected, this, [this, pipe] { drop(pipe); });
            pipe->daemon->connectToServer(m_daemonSocket);
            if (!pipe->daemon->waitForConnected(5000))
                drop(pipe);
        }
    }

    // Client to daemon, whole messages only, so that a cut request is
    // never half sent.
    void forward(Pipe *pipe)
    {
        pipe->pending += pipe->client->readAll();
        while (pipe->pending.size() >= HeaderBytes) {
            const qsizetype length = wordAt(pipe->pending, 0);
            if (length < HeaderBytes || pipe->pending.size() < length)
                return;
            if (m_procedure && !*m_cut && wordAt(pipe->pending, LengthBytes) == RemoteProgram
                && wordAt(pipe->pending, LengthBytes + 8) == *m_procedure) {
                *m_cut = true;
                drop(pipe);
                return;
            }
            pipe->daemon->write(pipe->pending.left(length));
            pipe->pending.remove(0, length);
        }
    }

    void drop(Pipe *pipe)
    {
        if (!m_pipes.removeOne(pipe))
            return;
        // abort(): nothing buffered is flushed, the peer sees the end at once.
        pipe->client->disconnect(this);
        pipe->daemon->disconnect(this);
        pipe->client->abort();
        pipe->daemon->abort();
        pipe->client->deleteLater();
        pipe->daemon->deleteLater();
        delete pipe;
    }

    const QString m_daemonSocket;
    const std::optional<quint32> m_procedure;
    std::atomic<bool> *const m_cut;
    std::atomic<qint64> *const m_bytesToClients;
    QLocalServer *const m_server;
    QList<Pipe *> m_pipes;
};

RpcCutter::RpcCutter(const QString &daemonSocket, quint32 procedure)
    : RpcCutter(daemonSocket, std::optional<quint32>(procedure))
{ }

RpcCutter::RpcCutter(const QString &daemonSocket)
    : RpcCutter(daemonSocket, std::nullopt)
{ }

RpcCutter::RpcCutter(const QString &daemonSocket, std::optional<quint32> procedure)
{
    if (!m_dir.isValid()) {
        m_error = m_dir.errorString();
        return;
    }
    m_proxy = new RpcCutterProxy(daemonSocket, procedure, &m_cut, &m_bytesToClients);
    // Listening before the move (the server moves with its parent): no
    // result has to come back from the proxy's thread.
    m_error = m_proxy->listen(socketPath());
    m_proxy->moveToThread(&m_thread);
    m_thread.start();
}

RpcCutter::~RpcCutter()
{
    if (m_proxy) {
        QMetaObject::invokeMethod(
            m_proxy, [this] { delete m_proxy; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

QString RpcCutter::socketPath() const
{
    return m_dir.filePath(QStringLiteral("sock"));
}

void RpcCutter::cutAll()
{
    if (m_proxy) {
        QMetaObject::invokeMethod(
            m_proxy, [this] { m_proxy->cutAll(); }, Qt::BlockingQueuedConnection);
    }
}

QString RpcCutter::proxiedUri(const QString &uri) const
{
    QUrl url(uri);
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("socket"));
    query.addQueryItem(QStringLiteral("socket"), socketPath());
    url.setQuery(query);
    return url.toString();
}
