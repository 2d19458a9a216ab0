// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_RPCCUTTER_H
#define QTVIRT_TESTS_RPCCUTTER_H

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QLocalServer>

class QLocalSocket;

// A transparent proxy in front of the testbed daemon's Unix socket that
// cuts one client's connection the moment that client sends a chosen
// libvirt RPC procedure: the request is not forwarded and both sockets are
// closed, as if the daemon had died right then. It lets a test place a
// connection loss at an exact point of libvirt's protocol instead of racing
// a kill against a worker thread. The daemon behind it is the real one.
//
// It runs on the event loop of the thread that creates it.
class RpcCutter : public QObject
{
public:
    // Forwards to the Unix socket daemonSocket; the first request of
    // procedure `procedure` (a REMOTE_PROC_* number of libvirt's remote
    // protocol) cuts its connection. Later connections pass untouched.
    RpcCutter(const QString &daemonSocket, quint32 procedure);
    ~RpcCutter() override;

    // False when the proxy socket could not be created; errorString() says why.
    bool isListening() const;
    QString errorString() const;
    // uri with its socket= parameter pointing at the proxy.
    QString proxiedUri(const QString &uri) const;
    bool hasCut() const { return m_cut; }

private:
    struct Pipe
    {
        QLocalSocket *client;
        QLocalSocket *daemon;
        QByteArray pending; // from the client, not yet forwarded
    };

    void accept();
    void forwardFromClient(Pipe *pipe);
    void drop(Pipe *pipe);

    const QString m_daemonSocket;
    const quint32 m_procedure;
    QTemporaryDir m_dir;
    QLocalServer m_server;
    QList<Pipe *> m_pipes;
    bool m_cut = false;
};

#endif // QTVIRT_TESTS_RPCCUTTER_H
