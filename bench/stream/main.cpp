// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Volume upload and download: QVirtStream against `virsh vol-upload` and
// `virsh vol-download`, on the testbed's dir pool (QTVIRT_QEMU_URI,
// QTVIRT_TESTBED_POOL), or with --uri on another daemon of the same
// machine, such as the testbed's remote host over TLS or SSH
// (QTVIRT_TLS_URI, QTVIRT_SSH_URI), in a transient dir pool of the
// benchmark's own that the daemon reaches through the file system. Every
// transfer runs in a child process, ours being
// this program again in --child mode, so that wall time and peak RSS
// (wait4's ru_maxrss) are measured the same way for both. The two tools
// alternate, and their order flips every round, so that drifts of the
// machine hit both alike.
//
// Usage: qtvirt-bench-stream [--size-mib N] [--repeat N] [--uri URI]

#include "benchfigures.h"
#include "testfiles.h"

#include <QtVirt/QVirtStream>
#include <QtVirt/QVirtStreamTransfer>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>

#include <libvirt/virterror.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <map>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace {

constexpr qint64 MiB = 1024 * 1024;
const char VolumeName[] = "qtvirt-bench-stream.img";
const char TransientPoolName[] = "qtvirt-bench-stream-pool";

QByteArray setting(const char *name, const char *fallback)
{
    const QByteArray value = qgetenv(name);
    return value.isEmpty() ? QByteArray(fallback) : value;
}

QByteArray uri()
{
    return qgetenv("QTVIRT_QEMU_URI");
}

QByteArray poolName()
{
    return setting("QTVIRT_TESTBED_POOL", "qtvirt-pool");
}

// --child upload|download FILE: one transfer through QVirtStreamTransfer.
int runChild(const QString &operation, const QString &path)
{
    // Over qemu+ssh:// libvirt writes to an ssh process through a pipe, as
    // virsh does, which ignores SIGPIPE too.
    std::signal(SIGPIPE, SIG_IGN);
    if (!QtVirtEventImpl::registerImpl())
        return 2;
    virConnectPtr conn = virConnectOpen(uri().constData());
    if (!conn)
        return 2;
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, poolName().constData());
    virStorageVolPtr vol = pool ? virStorageVolLookupByName(pool, VolumeName) : nullptr;
    if (!vol) {
        std::fprintf(stderr, "no volume: %s\n", virGetLastErrorMessage());
        return 2;
    }
    const bool upload = operation == QLatin1String("upload");
    QFile file(path);
    if (!file.open((upload ? QIODevice::ReadOnly : QIODevice::WriteOnly | QIODevice::Truncate)
                   | QIODevice::Unbuffered))
        return 2;
    int rc = 1;
    {
        QVirtStream stream(conn);
        const int started = upload ? virStorageVolUpload(vol, stream.stream(), 0, 0, 0)
                                   : virStorageVolDownload(vol, stream.stream(), 0, 0, 0);
        if (started < 0) {
            std::fprintf(stderr, "%s\n", virGetLastErrorMessage());
            return 2;
        }
        QVirtStreamTransfer transfer(
            &stream, &file, upload ? QVirtStreamTransfer::Upload : QVirtStreamTransfer::Download);
        QObject::connect(&transfer, &QVirtStreamTransfer::finished, qApp, &QCoreApplication::quit);
        transfer.start();
        if (!transfer.isFinished())
            QCoreApplication::exec();
        if (transfer.error() == QVirtStreamTransfer::NoError)
            rc = 0;
        else
            std::fprintf(stderr, "%s\n", qPrintable(transfer.errorString()));
    }
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
    QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000));
    return rc;
}

struct Sample
{
    double seconds = 0;
    double cpuSeconds = 0; // user and system, all threads
    qint64 peakRssKiB = 0;
};

double toSeconds(const timeval &time)
{
    return double(time.tv_sec) + double(time.tv_usec) / 1e6;
}

// Runs argv to its end; its wall time, CPU time and peak RSS.
bool measure(const QList<QByteArray> &args, Sample *sample)
{
    std::vector<char *> argv;
    for (const QByteArray &arg : args)
        argv.push_back(const_cast<char *>(arg.constData()));
    argv.push_back(nullptr);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        return false;
    int status = 0;
    struct rusage usage = {};
    if (wait4(pid, &status, 0, &usage) != pid)
        return false;
    sample->seconds = double(timer.nsecsElapsed()) / 1e9;
    sample->cpuSeconds = toSeconds(usage.ru_utime) + toSeconds(usage.ru_stime);
    sample->peakRssKiB = usage.ru_maxrss;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// With ownPool, a transient dir pool in dir replaces the testbed's pool
// (which only the local daemon has); the children find it by its name in
// QTVIRT_TESTBED_POOL.
int runBenchmark(qint64 sizeMiB, int repeat, bool ownPool)
{
    if (uri().isEmpty()) {
        std::fprintf(stderr, "QTVIRT_QEMU_URI is not set: eval \"$(scripts/testbed env)\"\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("source.img"));
    const QString target = dir.filePath(QStringLiteral("target.img"));
    if (!dir.isValid() || !TestFiles::writeRandomFile(source, sizeMiB * MiB))
        return 2;
    const QByteArray sourceHash = TestFiles::sha256OfFile(source);

    virConnectPtr conn = virConnectOpen(uri().constData());
    virStoragePoolPtr pool = nullptr;
    if (conn && ownPool && QDir(dir.path()).mkdir(QStringLiteral("pool"))) {
        const QByteArray poolXml = QByteArray("<pool type='dir'><name>") + TransientPoolName
            + "</name><target><path>" + dir.filePath(QStringLiteral("pool")).toUtf8()
            + "</path></target></pool>";
        pool = virStoragePoolCreateXML(conn, poolXml.constData(), 0);
        qputenv("QTVIRT_TESTBED_POOL", TransientPoolName);
    } else if (conn) {
        pool = virStoragePoolLookupByName(conn, poolName().constData());
    }
    if (!pool) {
        std::fprintf(stderr, "%s\n", virGetLastErrorMessage());
        return 2;
    }
    if (virStorageVolPtr stale = virStorageVolLookupByName(pool, VolumeName)) {
        virStorageVolDelete(stale, 0);
        virStorageVolFree(stale);
    }
    const QByteArray xml = QByteArray("<volume><name>") + VolumeName
        + "</name><capacity unit='bytes'>" + QByteArray::number(sizeMiB * MiB)
        + "</capacity><allocation>0</allocation><target><format type='raw'/></target></volume>";
    virStorageVolPtr vol = virStorageVolCreateXML(pool, xml.constData(), 0);
    if (!vol) {
        std::fprintf(stderr, "%s\n", virGetLastErrorMessage());
        return 2;
    }

    const QByteArray self = QCoreApplication::applicationFilePath().toLocal8Bit();
    const QByteArray sourcePath = source.toLocal8Bit();
    const QByteArray targetPath = target.toLocal8Bit();
    const auto command = [&](bool ours, bool upload) -> QList<QByteArray> {
        const QByteArray file = upload ? sourcePath : targetPath;
        if (ours)
            return {self, "--child", upload ? "upload" : "download", file};
        return {"virsh",  "-c",       uri(),      upload ? "vol-upload" : "vol-download",
                "--pool", poolName(), VolumeName, file};
    };

    std::map<QByteArray, QList<double>> seconds;
    std::map<QByteArray, QList<double>> cpuSeconds;
    // virsh's time over ours within each round: the two ran back to back,
    // under the same conditions of a noisy machine.
    std::map<QByteArray, QList<double>> pairedRatios;
    std::map<QByteArray, qint64> peakRss;
    int status = 0;
    std::printf("%lld MiB random volume, %d rounds, %s\n", sizeMiB, repeat, uri().constData());
    for (int round = 0; round < repeat; ++round) {
        for (bool upload : {true, false}) {
            double pair[2] = {0, 0}; // ours, virsh's
            for (int turn = 0; turn < 2; ++turn) {
                const bool ours = (turn == 0) == (round % 2 == 0);
                const QByteArray key = QByteArray(ours ? "qvirtstream" : "virsh") + ' '
                    + (upload ? "upload" : "download");
                QFile::remove(target);
                // The previous transfer's dirty pages would otherwise be
                // written back during this one, and bill it for them.
                ::sync();
                Sample sample;
                if (!measure(command(ours, upload), &sample)) {
                    std::fprintf(stderr, "%s failed\n", key.constData());
                    status = 1;
                    continue;
                }
                // Every byte must have arrived, or the time means nothing.
                if (!upload && TestFiles::sha256OfFile(target) != sourceHash) {
                    std::fprintf(stderr, "%s: wrong data\n", key.constData());
                    status = 1;
                }
                seconds[key].push_back(sample.seconds);
                cpuSeconds[key].push_back(sample.cpuSeconds);
                peakRss[key] = std::max(peakRss[key], sample.peakRssKiB);
                pair[ours ? 0 : 1] = sample.seconds;
                std::printf("round %d  %-22s %7.3f s  CPU %6.3f s  peak RSS %6.1f MiB\n", round + 1,
                            key.constData(), sample.seconds, sample.cpuSeconds,
                            double(sample.peakRssKiB) / 1024);
            }
            if (pair[0] > 0 && pair[1] > 0)
                pairedRatios[upload ? "upload" : "download"].push_back(pair[1] / pair[0]);
        }
    }

    std::printf("\n%-10s %14s %14s %8s %18s %10s %10s %14s %14s\n", "", "QVirtStream", "virsh",
                "ratio", "paired [min-max]", "CPU ours", "CPU virsh", "RSS ours", "RSS virsh");
    for (const char *op : {"upload", "download"}) {
        const QByteArray ours = QByteArray("qvirtstream ") + op;
        const QByteArray theirs = QByteArray("virsh ") + op;
        if (pairedRatios[op].empty())
            continue;
        const double oursMedian = benchMedian(seconds[ours]);
        const double theirsMedian = benchMedian(seconds[theirs]);
        const QList<double> &paired = pairedRatios[op];
        // Above 1.0: QVirtStream is faster than virsh.
        std::printf("%-10s %12.3f s %12.3f s %8.2f %6.2f [%.2f-%.2f] %8.3f s %8.3f s %10.1f MiB "
                    "%10.1f MiB\n",
                    op, oursMedian, theirsMedian, theirsMedian / oursMedian, benchMedian(paired),
                    *std::min_element(paired.cbegin(), paired.cend()),
                    *std::max_element(paired.cbegin(), paired.cend()),
                    benchMedian(cpuSeconds[ours]), benchMedian(cpuSeconds[theirs]),
                    double(peakRss[ours]) / 1024, double(peakRss[theirs]) / 1024);
    }
    std::printf("(median wall time; ratio = virsh / QVirtStream of the medians; paired = the "
                "same within each round; CPU = median user + system time of the client; peak "
                "RSS = max ru_maxrss)\n");

    virStorageVolDelete(vol, 0);
    virStorageVolFree(vol);
    if (ownPool)
        virStoragePoolDestroy(pool);
    virStoragePoolFree(pool);
    virConnectClose(conn);
    return status;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 4 && args.at(1) == QLatin1String("--child"))
        return runChild(args.at(2), args.at(3));

    qint64 sizeMiB = 256;
    int repeat = 5;
    bool ownPool = false;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--size-mib")) {
            sizeMiB = args.at(i + 1).toLongLong();
        } else if (args.at(i) == QLatin1String("--repeat")) {
            repeat = args.at(i + 1).toInt();
        } else if (args.at(i) == QLatin1String("--uri")) {
            // The children, ours and virsh, are told through the same
            // variable as for the local daemon.
            qputenv("QTVIRT_QEMU_URI", args.at(i + 1).toLocal8Bit());
            ownPool = true;
        }
    }
    if (sizeMiB <= 0 || repeat <= 0) {
        std::fprintf(stderr,
                     "usage: qtvirt-bench-stream [--size-mib N] [--repeat N] [--uri URI]\n");
        return 2;
    }
    return runBenchmark(sizeMiB, repeat, ownPool);
}
