// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_RPCCUTTER_H
#define QTVIRT_TESTS_RPCCUTTER_H

#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>

#include <atomic>
#include <optional>

class RpcCutterProxy;

// A transparent proxy in front of the testbed daemon's Unix socket that
// cuts one client's connection the moment that client sends a chosen
// libvirt RPC procedure: the request is not forwarded and both sockets are
// closed, as if the daemon had died right then. It lets a test place a
// connection loss at an exact point of libvirt's protocol instead of racing
// a kill against a worker thread. The daemon behind it is the real one.
//
// Without a procedure it forwards everything until cutAll(), which takes
// the daemon away from its clients altogether, leaving nothing to
// reconnect to, without touching the daemon that other clients share.
//
// It forwards in a thread of its own, because QVirtConnection makes
// synchronous libvirt calls in the test's thread.
class RpcCutter
{
public:
    // Forwards to the Unix socket daemonSocket; the first request of
    // procedure `procedure` (a REMOTE_PROC_* number of libvirt's remote
    // protocol) cuts its connection. Later connections pass untouched.
    RpcCutter(const QString &daemonSocket, quint32 procedure);
    // Forwards to the Unix socket daemonSocket, cutting nothing until cutAll().
    explicit RpcCutter(const QString &daemonSocket);
    ~RpcCutter();
    RpcCutter(const RpcCutter &) = delete;
    RpcCutter &operator=(const RpcCutter &) = delete;

    // False when the proxy socket could not be created; errorString() says why.
    bool isListening() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    // uri with its socket= parameter pointing at the proxy.
    QString proxiedUri(const QString &uri) const;
    // The proxy's socket file, there until cutAll() or destruction.
    QString socketPath() const;
    bool hasCut() const { return m_cut; }
    // How many bytes went from the daemon to the clients so far.
    qint64 bytesToClients() const { return m_bytesToClients; }
    // Stops listening, removes the socket file and ends every forwarded
    // connection at once.
    void cutAll();

private:
    RpcCutter(const QString &daemonSocket, std::optional<quint32> procedure);

    QTemporaryDir m_dir;
    QThread m_thread;
    RpcCutterProxy *m_proxy = nullptr;
    std::atomic<bool> m_cut{false};
    std::atomic<qint64> m_bytesToClients{0};
    QString m_error;
};

#endif // QTVIRT_TESTS_RPCCUTTER_H
