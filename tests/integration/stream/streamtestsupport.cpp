// SPDX-License-Identifier: LGPL-2.1-or-later
#include "streamtestsupport.h"

#include "testsupport.h"

#include <QtVirt/QVirtStream>

#include <QtCore/QFile>
#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace StreamTest {

QString libvirtError()
{
    return QString::fromUtf8(virGetLastErrorMessage());
}

Connection openQemuConnection()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_QEMU_URI");
    if (uri.isEmpty())
        return nullptr;
    Connection conn(virConnectOpen(uri.constData()));
    if (!conn)
        QTest::qFail(qPrintable(QStringLiteral("cannot connect: ") + libvirtError()), __FILE__,
                     __LINE__);
    return conn;
}

namespace {

// Deletes the named volume of the testbed pool, if it exists.
bool deleteVolume(virConnectPtr conn, const QByteArray &name)
{
    const QByteArray poolName = QtVirtTest::testbedValue("QTVIRT_TESTBED_POOL");
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, poolName.constData());
    if (!pool)
        return false;
    bool deleted = true;
    virStorageVolPtr *vols = nullptr;
    const int count = virStoragePoolListAllVolumes(pool, &vols, 0);
    for (int i = 0; i < count; ++i) {
        if (name == virStorageVolGetName(vols[i]))
            deleted = virStorageVolDelete(vols[i], 0) == 0;
        virStorageVolFree(vols[i]);
    }
    free(vols);
    virStoragePoolFree(pool);
    return count >= 0 && deleted;
}

} // namespace

Volume::Volume(virConnectPtr conn, const char *purpose, qint64 capacity)
    : m_name("qtvirt-stream-" + QByteArray::number(QCoreApplication::applicationPid()) + '-'
             + purpose + ".img")
{
    // A leftover of a crashed run would make the creation fail.
    deleteVolume(conn, m_name);
    const QByteArray poolName = QtVirtTest::testbedValue("QTVIRT_TESTBED_POOL");
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, poolName.constData());
    if (!pool) {
        QTest::qFail(qPrintable(QStringLiteral("no pool: ") + libvirtError()), __FILE__, __LINE__);
        return;
    }
    const QByteArray xml = "<volume><name>" + m_name + "</name><capacity unit='bytes'>"
        + QByteArray::number(capacity)
        + "</capacity><allocation>0</allocation><target><format type='raw'/></target></volume>";
    m_vol = virStorageVolCreateXML(pool, xml.constData(), 0);
    virStoragePoolFree(pool);
    if (!m_vol) {
        QTest::qFail(qPrintable(QStringLiteral("cannot create volume: ") + libvirtError()),
                     __FILE__, __LINE__);
        return;
    }
    char *path = virStorageVolGetPath(m_vol);
    m_path = QString::fromUtf8(path);
    free(path);
}

Volume::~Volume()
{
    if (!m_vol)
        return;
    // The volume's connection is dead after a daemon restart: use a new one.
    if (virStorageVolDelete(m_vol, 0) != 0) {
        if (const Connection conn = openQemuConnection())
            deleteVolume(conn.get(), m_name);
    }
    virStorageVolFree(m_vol);
}

TestbedGuest::TestbedGuest(virConnectPtr conn)
{
    const QByteArray name = QtVirtTest::testbedValue("QTVIRT_TESTBED_DOMAIN");
    if (name.isEmpty())
        return;
    m_dom = virDomainLookupByName(conn, name.constData());
    if (!m_dom) {
        QTest::qFail(qPrintable(QStringLiteral("no guest: ") + libvirtError()), __FILE__, __LINE__);
        return;
    }
    if (virDomainIsActive(m_dom) != 1 && virDomainCreate(m_dom) != 0) {
        QTest::qFail(qPrintable(QStringLiteral("cannot start the guest: ") + libvirtError()),
                     __FILE__, __LINE__);
        virDomainFree(m_dom);
        m_dom = nullptr;
    }
}

TestbedGuest::~TestbedGuest()
{
    if (!m_dom)
        return;
    if (virDomainIsActive(m_dom) == 1)
        virDomainDestroy(m_dom);
    virDomainFree(m_dom);
}

void readUntil(QVirtStream &console, const QByteArray &pattern, QByteArray &seen,
               QDeadlineTimer deadline)
{
    while (!seen.contains(pattern) && !deadline.hasExpired()) {
        if (console.bytesAvailable() == 0)
            console.waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 500)));
        seen += console.readAll();
    }
}

QString openShellConsole(QVirtStream &console, virDomainPtr dom)
{
    if (virDomainOpenConsole(dom, nullptr, console.stream(), VIR_DOMAIN_CONSOLE_FORCE) != 0)
        return QStringLiteral("cannot open the console: ") + libvirtError();
    if (!console.open(QIODevice::ReadWrite))
        return QStringLiteral("cannot open the console stream: ") + console.errorString();
    const QByteArray prompt("# ");
    QByteArray seen;
    const QDeadlineTimer bootDeadline(60000);
    while (!seen.contains(prompt) && !bootDeadline.hasExpired()) {
        if (console.write("\r") != 1)
            return QStringLiteral("cannot write to the console: ") + console.errorString();
        readUntil(console, prompt, seen, QDeadlineTimer(1000));
    }
    if (!seen.contains(prompt))
        return QStringLiteral("no shell prompt in: ") + QString::fromLatin1(seen.right(400));
    return QString();
}

bool writeSparseFile(const QString &path, qint64 size, const QList<qint64> &offsets,
                     qint64 extentSize)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !file.resize(size))
        return false;
    QList<quint32> block(extentSize / sizeof(quint32));
    for (qint64 offset : offsets) {
        QRandomGenerator::global()->fillRange(block.data(), block.size());
        if (!file.seek(offset)
            || file.write(reinterpret_cast<const char *>(block.constData()), extentSize)
                != extentSize)
            return false;
    }
    return file.flush();
}

qint64 allocatedBytes(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return qint64(st.st_blocks) * 512;
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size();
}

QList<QPair<qint64, qint64>> dataExtents(const QString &path)
{
    QList<QPair<qint64, qint64>> extents;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return extents;
    off_t pos = 0;
    for (;;) {
        const off_t start = ::lseek(fd, pos, SEEK_DATA);
        if (start < 0)
            break;
        const off_t end = ::lseek(fd, start, SEEK_HOLE);
        extents.append({qint64(start), qint64(end)});
        pos = end;
    }
    ::close(fd);
    return extents;
}

QByteArray readRange(const QString &path, qint64 offset, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return QByteArray();
    return file.read(size);
}

LocalListener::LocalListener()
{
    if (m_dir.isValid())
        m_server.listen(m_dir.filePath(QStringLiteral("socket")));
}

QLocalSocket *LocalListener::accept(int msecs)
{
    if (!m_server.hasPendingConnections() && !m_server.waitForNewConnection(msecs))
        return nullptr;
    QLocalSocket *socket = m_server.nextPendingConnection();
    if (socket)
        socket->setParent(nullptr);
    return socket;
}

LocalSocketPair::LocalSocketPair()
{
    if (!m_listener.isListening())
        return;
    m_far.connectToServer(m_listener.name());
    if (m_far.waitForConnected(5000))
        m_near = m_listener.accept(5000);
}

LocalSocketPair::~LocalSocketPair()
{
    delete m_near;
}

qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

} // namespace StreamTest
