// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_RPCCUTTER_H
#define QTVIRT_TESTS_RPCCUTTER_H

#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>

#include <atomic>

class RpcCutterProxy;

// A transparent proxy in front of the testbed daemon's Unix socket that
// cuts one client's connection the moment that client sends a chosen
// libvirt RPC procedure: the request is not forwarded and both sockets are
// closed, as if the daemon had died right then. It lets a test place a
// connection loss at an exact point of libvirt's protocol instead of racing
// a kill against a worker thread. The daemon behind it is the real one.
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
    ~RpcCutter();
    RpcCutter(const RpcCutter &) = delete;
    RpcCutter &operator=(const RpcCutter &) = delete;

    // False when the proxy socket could not be created; errorString() says why.
    bool isListening() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    // uri with its socket= parameter pointing at the proxy.
    QString proxiedUri(const QString &uri) const;
    bool hasCut() const { return m_cut; }

private:
    QTemporaryDir m_dir;
    QThread m_thread;
    RpcCutterProxy *m_proxy = nullptr;
    std::atomic<bool> m_cut{false};
    QString m_error;
};

#endif // QTVIRT_TESTS_RPCCUTTER_H
