// SPDX-License-Identifier: LGPL-2.1-or-later
//
// qtvirt-bench-keepalive: how long an application waits for closed() when
// the network link to a remote host fails, for several keepalive settings
// of QVirtConnection. A failed link sends nothing at all (no reset, no
// hang-up), so only keepalive notices; libvirt gives up after about
// interval x (count + 1) seconds without a message from the daemon. The
// testbed's remote host (QTVIRT_TLS_TEST_URI) is reached over a veth pair
// whose far end scripts/testbed net-down takes down, as in
// tests/remote/tst_networkloss.
//
// Each run opens a connection with one setting, takes the link down, and
// measures from the start of net-down to closed(Keepalive); then the link
// comes back up. The settings take turns within each round, the first one
// rotating, so that a slow phase of the machine hits all of them.
//
// Usage: qtvirt-bench-keepalive [--repeat N] [--setting INTERVALxCOUNT]...
//        (default settings 1x3, 2x3 and 5x5, libvirt's default)

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QProcess>
#include <QtCore/QThread>
#include <QtCore/QTimer>

#include <libvirt/virterror.h>

#include <algorithm>
#include <cstdio>

namespace {

struct Setting
{
    int interval = 0;
    int count = 0;
    QList<double> seconds;
};

void ignoreLibvirtError(void *, virErrorPtr) { }

// Runs scripts/testbed with command while the event loop goes on; false
// when it failed.
bool runTestbed(const QString &command)
{
    QProcess testbed;
    testbed.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QEventLoop loop;
    QObject::connect(&testbed, &QProcess::finished, &loop, &QEventLoop::quit);
    testbed.start(QStringLiteral("bash"),
                  {QStringLiteral(QTVIRT_SOURCE_DIR "/scripts/testbed"), command});
    if (!testbed.waitForStarted())
        return false;
    loop.exec();
    return testbed.exitStatus() == QProcess::NormalExit && testbed.exitCode() == 0;
}

// Opens uri; right after net-up the first attempts can fail until the
// host has learnt the far end's address again.
bool openWithRetries(QVirtConnection &conn, const QString &uri)
{
    const QDeadlineTimer deadline(30000);
    while (!conn.openBlocking(uri)) {
        if (deadline.hasExpired()) {
            std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(uri),
                         qPrintable(conn.errorString()));
            return false;
        }
        QThread::msleep(500);
    }
    return true;
}

// One run: seconds from the start of net-down to closed(), or -1.
double measureOnce(const QString &uri, const Setting &setting)
{
    QVirtConnection conn;
    conn.setKeepAliveInterval(setting.interval);
    conn.setKeepAliveCount(setting.count);
    if (!openWithRetries(conn, uri))
        return -1;
    QElapsedTimer clock;
    double closedAt = -1;
    QVirtConnection::CloseReason reason = QVirtConnection::CloseReason::Error;
    QEventLoop loop;
    QObject::connect(&conn, &QVirtConnection::closed, &loop, [&](QVirtConnection::CloseReason why) {
        closedAt = double(clock.nsecsElapsed()) / 1e9;
        reason = why;
        loop.quit();
    });
    clock.start();
    const bool down = runTestbed(QStringLiteral("net-down"));
    const double scriptSeconds = double(clock.nsecsElapsed()) / 1e9;
    if (down && closedAt < 0) {
        // Far longer than libvirt's interval x (count + 1).
        QTimer::singleShot((setting.interval * (setting.count + 1) + 30) * 1000, &loop,
                           &QEventLoop::quit);
        loop.exec();
    }
    const bool up = runTestbed(QStringLiteral("net-up"));
    if (!down || !up) {
        std::fprintf(stderr, "scripts/testbed net-down or net-up failed\n");
        return -1;
    }
    if (closedAt < 0 || reason != QVirtConnection::CloseReason::Keepalive) {
        std::fprintf(stderr, "%dx%d: no closed(Keepalive)\n", setting.interval, setting.count);
        return -1;
    }
    std::printf("  %dx%d  closed() after %6.2f s (net-down took %.2f s)\n", setting.interval,
                setting.count, closedAt, scriptSeconds);
    std::fflush(stdout);
    return closedAt;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("runs of each setting"), QStringLiteral("N"),
                                    QStringLiteral("3"));
    const QCommandLineOption settingOption(
        QStringLiteral("setting"), QStringLiteral("keepalive interval (s) x count, e.g. 1x3"),
        QStringLiteral("INTERVALxCOUNT"));
    parser.addOptions({repeat, settingOption});
    parser.addHelpOption();
    parser.process(app);

    QList<Setting> settings;
    const QStringList given = parser.isSet(settingOption)
        ? parser.values(settingOption)
        : QStringList{QStringLiteral("1x3"), QStringLiteral("2x3"), QStringLiteral("5x5")};
    for (const QString &text : given) {
        const QStringList parts = text.split(u'x');
        Setting setting;
        setting.interval = parts.value(0).toInt();
        setting.count = parts.value(1).toInt();
        if (parts.size() != 2 || setting.interval <= 0 || setting.count <= 0) {
            std::fprintf(stderr, "not a keepalive setting: %s\n", qPrintable(text));
            return 2;
        }
        settings.append(setting);
    }
    const int rounds = std::max(1, parser.value(repeat).toInt());
    const QString uri = QString::fromUtf8(qgetenv("QTVIRT_TLS_TEST_URI"));
    if (uri.isEmpty()) {
        std::fprintf(stderr, "QTVIRT_TLS_TEST_URI is not set: eval \"$(scripts/testbed env)\"\n");
        return 2;
    }
    if (!QtVirtEventImpl::registerImpl())
        return 2;
    // Opens fail while the link comes back; libvirt would print each.
    virSetErrorFunc(nullptr, ignoreLibvirtError);

    std::printf("time from the start of net-down to closed(Keepalive), %s\n", qPrintable(uri));
    for (int round = 0; round < rounds; ++round) {
        std::printf("round %d\n", round + 1);
        for (qsizetype k = 0; k < settings.size(); ++k) {
            Setting &setting = settings[(round + k) % settings.size()];
            const double seconds = measureOnce(uri, setting);
            if (seconds < 0)
                return 1;
            setting.seconds.append(seconds);
        }
    }
    std::printf("\n%-8s %10s %8s %8s %8s\n", "setting", "expected", "min", "median", "max");
    for (const Setting &setting : std::as_const(settings)) {
        // libvirt closes after count unanswered pings, interval apart,
        // following interval seconds of silence.
        std::printf("%4dx%-3d %8d s %6.2f s %6.2f s %6.2f s\n", setting.interval, setting.count,
                    setting.interval * (setting.count + 1),
                    *std::min_element(setting.seconds.begin(), setting.seconds.end()),
                    median(setting.seconds),
                    *std::max_element(setting.seconds.begin(), setting.seconds.end()));
    }
    QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000));
    return 0;
}
