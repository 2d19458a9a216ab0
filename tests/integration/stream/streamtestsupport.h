// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_STREAMTESTSUPPORT_H
#define QTVIRT_TESTS_STREAMTESTSUPPORT_H

#include "testfiles.h"

#include <QtCore/QByteArray>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QLocalServer>
#include <QtNetwork/QLocalSocket>

#include <libvirt/libvirt.h>

#include <memory>

class QVirtStream;

// Helpers of the QVirtStream integration tests: volumes in the testbed's
// dir pool, local files, and measurements.
namespace StreamTest {

constexpr qint64 MiB = 1024 * 1024;

struct QemuConnectionCloser
{
    void operator()(virConnectPtr conn) const { virConnectClose(conn); }
};
using Connection = std::unique_ptr<virConnect, QemuConnectionCloser>;

// A connection to QTVIRT_QEMU_URI; null after failing the test.
Connection openQemuConnection();

// libvirt's last error message in this thread.
QString libvirtError();

// The testbed's guest (QTVIRT_TESTBED_DOMAIN) on conn, started unless it
// runs already; destroyed, if it still runs, and freed on destruction, so
// on every way out of the test. get() is null after failing the test.
class TestbedGuest
{
public:
    explicit TestbedGuest(virConnectPtr conn);
    ~TestbedGuest();
    TestbedGuest(const TestbedGuest &) = delete;
    TestbedGuest &operator=(const TestbedGuest &) = delete;

    virDomainPtr get() const { return m_dom; }

private:
    virDomainPtr m_dom = nullptr;
};

// Reads console into seen until seen contains pattern, or the deadline.
void readUntil(QVirtStream &console, const QByteArray &pattern, QByteArray &seen,
               QDeadlineTimer deadline);

// Opens console for reading and writing on dom's serial console (taken
// over from any other client), then presses Enter until the guest's shell
// shows its prompt: the guest may have printed one before the console was
// opened. An empty string, or what failed.
QString openShellConsole(QVirtStream &console, virDomainPtr dom);

// A raw volume of capacity bytes, allocation 0 (so that the dir pool makes
// it sparse), in QTVIRT_TESTBED_POOL, deleted on destruction, through a new
// connection if the daemon was restarted meanwhile.
class Volume
{
public:
    Volume(virConnectPtr conn, const char *purpose, qint64 capacity);
    ~Volume();
    Volume(const Volume &) = delete;
    Volume &operator=(const Volume &) = delete;

    virStorageVolPtr get() const { return m_vol; }
    // The file behind the volume, for stat() and hashing.
    QString path() const { return m_path; }

private:
    const QByteArray m_name;
    virStorageVolPtr m_vol = nullptr;
    QString m_path;
};

using TestFiles::sha256OfFile;
using TestFiles::writeRandomFile;
// A sparse file of size bytes with a random extent of extentSize at each of
// offsets, holes everywhere else.
bool writeSparseFile(const QString &path, qint64 size, const QList<qint64> &offsets,
                     qint64 extentSize);
// st_blocks * 512: what the file system really allocated.
qint64 allocatedBytes(const QString &path);
qint64 fileSize(const QString &path);
// The [start, end) ranges of path that hold data (SEEK_DATA/SEEK_HOLE).
QList<QPair<qint64, qint64>> dataExtents(const QString &path);
// bytes of a file from offset.
QByteArray readRange(const QString &path, qint64 offset, qint64 size);

// VmRSS of this process, in bytes.
qint64 residentBytes();

// A QLocalServer on a socket in a fresh temporary directory: the far end
// of a stream transfer's device, as a program would get it.
class LocalListener
{
public:
    LocalListener();
    bool isListening() const { return m_server.isListening(); }
    // For QLocalSocket::connectToServer(), from any thread.
    QString name() const { return m_server.fullServerName(); }
    // The next accepted connection, owned by the caller; null after msecs.
    QLocalSocket *accept(int msecs);

private:
    QTemporaryDir m_dir;
    QLocalServer m_server;
};

// Two connected local sockets in this thread: nearEnd(), accepted by the
// listener and owned by the caller (a test may delete it), and farEnd().
class LocalSocketPair
{
public:
    LocalSocketPair();
    ~LocalSocketPair();
    LocalSocketPair(const LocalSocketPair &) = delete;
    LocalSocketPair &operator=(const LocalSocketPair &) = delete;

    bool isConnected() const { return m_near && m_far.state() == QLocalSocket::ConnectedState; }
    QLocalSocket *nearEnd() const { return m_near; }
    QLocalSocket &farEnd() { return m_far; }

private:
    LocalListener m_listener;
    QLocalSocket m_far;
    QPointer<QLocalSocket> m_near;
};

} // namespace StreamTest

#endif // QTVIRT_TESTS_STREAMTESTSUPPORT_H
