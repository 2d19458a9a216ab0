// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection against the testbed's
// remote host over SSH, the transport most users of a remote libvirt have.
// The remote host runs an sshd of its own next to its libvirtd, in the same
// network namespace (scripts/testbed-remote.bash, docs/testbed.md), with a
// user that logs in with a key (qemu+ssh://, OpenSSH's client as a child
// process of libvirt) or with a password (qemu+libssh://, libssh inside the
// client process). With libssh, libvirt asks the application itself, through
// the authentication callback that QVirtConnection turns into
// credentialsRequested(), whether to trust an unknown host key and for the
// password. Nothing showed before that those questions reach the
// application while the open runs in a worker thread, that the answers get
// back to libvirt, nor that a wrong password or a refused host key ends the
// open at once with libvirt's reason instead of hanging until the
// credentials timeout (two minutes by default) or, worse, connecting.

#include "connectiontestsupport.h"
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QtVirtEventImpl>

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <clocale>
#include <csignal>
#include <functional>
#include <optional>

#include <unistd.h>

using namespace QtVirtIntegration;
using namespace QtVirtConnectionTest;
using CredentialType = QVirtCredential::Type;

namespace {

// An SSH login to a host on the same machine takes a few hundred
// milliseconds at most; a refusal must come as fast, and certainly long
// before any timeout of libvirt's or QVirtConnection's.
constexpr qint64 RefusalDeadlineMs = 5000;
constexpr int OpenTimeoutMs = 20000;

void ignoreLibvirtError(void *, virErrorPtr) { }

// libvirt's question whether to trust a host key not in known_hosts
// (virNetLibsshCheckHostKey): a prompt to be answered "y" or "n".
bool isHostKeyQuestion(const QVirtCredential &credential)
{
    return credential.type() == CredentialType::EchoPrompt
        && credential.prompt().contains(QLatin1String("host key"), Qt::CaseInsensitive);
}

bool isPasswordQuestion(const QVirtCredential &credential)
{
    return credential.type() == CredentialType::Passphrase
        || credential.type() == CredentialType::NoEchoPrompt;
}

// Every entry of the user's ~/.ssh (none when it does not exist), with size
// and modification time.
QStringList userSshDirectory()
{
    QStringList entries;
    const QDir dir(QDir::home().filePath(QStringLiteral(".ssh")));
    if (!dir.exists())
        return entries;
    entries.append(QStringLiteral("."));
    const QFileInfoList infos
        = dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &info : infos)
        entries.append(QStringLiteral("%1 %2 %3")
                           .arg(info.fileName(), QString::number(info.size()),
                                info.lastModified().toString(Qt::ISODateWithMs)));
    return entries;
}

// uri with its known_hosts parameter replaced by path.
QString withKnownHosts(const QByteArray &uri, const QString &path)
{
    QUrl url(QString::fromUtf8(uri));
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("known_hosts"));
    query.addQueryItem(QStringLiteral("known_hosts"), path);
    url.setQuery(query);
    return url.toString();
}

// The pids of this process's children named comm (from /proc: libvirt
// starts OpenSSH's client itself and keeps no public handle on it).
QList<pid_t> childProcesses(const QByteArray &comm)
{
    QList<pid_t> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const pid_t pid = entry.toInt(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": comm may hold spaces, so split at the last ')'.
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const qsizetype open = line.indexOf('(');
        if (open < 0 || close < open)
            continue;
        const QList<QByteArray> rest = line.mid(close + 2).split(' ');
        if (line.mid(open + 1, close - open - 1) == comm && rest.size() > 1
            && rest.at(1).toInt() == getpid())
            found.append(pid);
    }
    return found;
}

struct sigaction sigpipeDisposition()
{
    struct sigaction current = {};
    sigaction(SIGPIPE, nullptr, &current);
    return current;
}

void setSigpipeHandler(void (*handler)(int))
{
    struct sigaction action = {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    sigaction(SIGPIPE, &action, nullptr);
}

// An application's own handler; never called here.
void ownSigpipeHandler(int) { }

} // namespace

class tst_SshConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void opensQemuDriverOverSsh();
    void eventsFlowOverSsh();
    void libsshAsksForHostKeyAndPassword();
    void libsshWrongPasswordIsAskedAgainAndGivingUpFailsAtOnce();
    void libsshRefusedHostKeyFailsAtOnce();
    void libsshChangedHostKeyFailsAtOnce();
    void deadSshClientDoesNotKillTheApplication();
    void applicationsOwnSigpipeHandlerIsKept();

private:
    QStringList m_userSshDirectory;
    QString password();
    // Opens uri, answering each question with answer() (rejecting the
    // request where it has none); returns the time from open() to opened()
    // or errorOccurred(), or -1 when neither came.
    using Answer = std::function<std::optional<QString>(const QVirtCredential &)>;
    qint64 openAnswering(QVirtConnection &conn, const QString &uri, const Answer &answer,
                         QList<QVirtCredential> *asked);
};

void tst_SshConnection::initTestCase()
{
    // libvirt translates its messages, and the refusals are checked by
    // their text. Set before any thread of libvirt's or ours runs.
    std::setlocale(LC_MESSAGES, "C"); // NOLINT(concurrency-mt-unsafe)
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY(QtVirtEventImpl::registerImpl());
    // Refused opens are expected here; libvirt would print each to stderr.
    virSetErrorFunc(nullptr, ignoreLibvirtError);
    m_userSshDirectory = userSshDirectory();
}

// The testbed's URIs carry every key and known hosts file the clients use
// (OpenSSH's through a configuration file of the testbed's): neither
// OpenSSH's client nor libssh may have created or written the user's own
// ~/.ssh (known_hosts above all) meanwhile.
void tst_SshConnection::cleanupTestCase()
{
    QCOMPARE(userSshDirectory(), m_userSshDirectory);
}

void tst_SshConnection::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_SshConnection::cleanup()
{
    QVERIFY(QtVirtEventImpl::waitForPendingFrees(QDeadlineTimer(5000)));
}

QString tst_SshConnection::password()
{
    QFile file(QString::fromLocal8Bit(QtVirtTest::testbedValue("QTVIRT_SSH_PASSWORD_FILE")));
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("cannot read %1").arg(file.fileName())), __FILE__,
                     __LINE__);
        return QString();
    }
    return QString::fromUtf8(file.readAll().trimmed());
}

qint64 tst_SshConnection::openAnswering(QVirtConnection &conn, const QString &uri,
                                        const Answer &answer, QList<QVirtCredential> *asked)
{
    connect(&conn, &QVirtConnection::credentialsRequested, this,
            [&conn, answer, asked](const QList<QVirtCredential> &credentials) {
                QList<QVirtCredential> answers = credentials;
                for (QVirtCredential &credential : answers) {
                    asked->append(credential);
                    const std::optional<QString> result = answer(credential);
                    if (!result) {
                        conn.rejectCredentials();
                        return;
                    }
                    credential.setResult(*result);
                }
                conn.answerCredentials(answers);
            });
    return openAndWait(conn, uri, OpenTimeoutMs);
}

// SSH: qemu+ssh:// opens through QVirtConnection's worker thread
// (libvirt runs OpenSSH's client, which logs in with the testbed's key) and
// calls run over the tunnel to the remote QEMU driver.
void tst_SshConnection::opensQemuDriverOverSsh()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_SSH_URI");
    QVERIFY(uri.startsWith("qemu+ssh://"));
    QVirtConnection conn;
    QSignalSpy asked(&conn, &QVirtConnection::credentialsRequested);
    QSignalSpy failed(&conn, &QVirtConnection::errorOccurred);
    QVERIFY(openAndWait(conn, QString::fromUtf8(uri), OpenTimeoutMs) >= 0);
    QVERIFY2(failed.isEmpty(), qPrintable(conn.errorString()));
    QCOMPARE(conn.state(), QVirtConnection::State::Open);
    QCOMPARE(conn.hypervisorType(), QStringLiteral("QEMU"));
    // A key login asks nothing.
    QCOMPARE(asked.size(), 0);

    auto listing = conn.listDomains();
    QTRY_VERIFY_WITH_TIMEOUT(listing.isFinished(), OpenTimeoutMs);
    QVERIFY(listing.isValid());
    QVERIFY2(listing.result().isEmpty(), "the remote QEMU driver was given no domains");
}

// SSH: events travel over the tunnel too. A domain's lifecycle on
// the remote test driver, caused by another client, reaches the
// QVirtConnection opened over qemu+ssh's sibling test+ssh://, every event
// once and in order.
void tst_SshConnection::eventsFlowOverSsh()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_SSH_TEST_URI");
    QVERIFY(uri.startsWith("test+ssh://"));
    QVirtConnection conn;
    const LifecycleSignalRecorder recorder(&conn);
    QVERIFY2(conn.openBlocking(QString::fromUtf8(uri)), qPrintable(conn.errorString()));

    const Connection other(virConnectOpen(uri.constData()));
    QVERIFY2(other, qPrintable(lastError()));
    const QByteArray name = uniqueDomainName("ssh");
    const QString failure = runLifecycle(other.get(), name);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events(), lifecycleEvents(name), 10000);
    QTest::qWait(200);
    QCOMPARE(recorder.events(), lifecycleEvents(name));
}

// libssh: with a known_hosts file that does not know the remote
// host, libvirt first asks whether to trust its host key, then for the
// password; both questions arrive through credentialsRequested() and the
// test's answers open the connection. libvirt then records the accepted key,
// so that a second open asks for the password alone.
void tst_SshConnection::libsshAsksForHostKeyAndPassword()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_LIBSSH_TEST_URI");
    QVERIFY(uri.startsWith("test+libssh://"));
    const QString secret = password();
    QVERIFY(!secret.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString knownHosts = dir.filePath(QStringLiteral("known_hosts"));
    const QString url = withKnownHosts(uri, knownHosts);

    const auto answer = [&secret](const QVirtCredential &credential) {
        if (isHostKeyQuestion(credential))
            return QStringLiteral("y");
        if (isPasswordQuestion(credential))
            return secret;
        return QString();
    };
    QList<QVirtCredential> asked;
    {
        QVirtConnection conn;
        const qint64 ms = openAnswering(conn, url, answer, &asked);
        QVERIFY(ms >= 0);
        QCOMPARE(conn.state(), QVirtConnection::State::Open);
        QCOMPARE(conn.hypervisorType(), QStringLiteral("TEST"));
    }
    for (const QVirtCredential &credential : std::as_const(asked))
        qInfo("asked (%d): %s", int(credential.type()), qPrintable(credential.prompt()));
    QCOMPARE(asked.size(), 2);
    QVERIFY2(isHostKeyQuestion(asked.at(0)), qPrintable(asked.at(0).prompt()));
    QVERIFY2(isPasswordQuestion(asked.at(1)), qPrintable(asked.at(1).prompt()));

    QFile file(knownHosts);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(file.readAll().contains("ssh-ed25519"), "libvirt did not record the accepted key");

    asked.clear();
    QVirtConnection again;
    QVERIFY(openAnswering(again, url, answer, &asked) >= 0);
    QCOMPARE(again.state(), QVirtConnection::State::Open);
    QCOMPARE(asked.size(), 1);
    QVERIFY2(isPasswordQuestion(asked.at(0)), qPrintable(asked.at(0).prompt()));
}

// libssh, a wrong password: the server refuses it, and libvirt
// asks for the password again, which is how an application learns that the
// password was wrong; the user then gives up (rejectCredentials()), and the
// open fails at once as an AuthenticationError, never opens. (Answering
// wrongly until the server gives up is no way out with libvirt 9.0 and
// libssh 0.10: after OpenSSH's sixth failure, MaxAuthTries, the server
// disconnects and libssh's ssh_userauth_password() waits forever; see
// docs/testbed.md.)
void tst_SshConnection::libsshWrongPasswordIsAskedAgainAndGivingUpFailsAtOnce()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_LIBSSH_TEST_URI");
    QVERIFY(uri.startsWith("test+libssh://"));
    QVirtConnection conn;
    QSignalSpy opened(&conn, &QVirtConnection::opened);
    QList<QVirtCredential> asked;
    const qint64 ms = openAnswering(
        conn, QString::fromUtf8(uri),
        [&asked](const QVirtCredential &credential) -> std::optional<QString> {
            if (isPasswordQuestion(credential) && asked.size() == 1)
                return QStringLiteral("not the password");
            return std::nullopt;
        },
        &asked);
    qInfo("failed after %lld ms, %lld questions: %s", ms, qint64(asked.size()),
          qPrintable(conn.errorString()));
    QVERIFY(ms >= 0);
    QVERIFY2(ms <= RefusalDeadlineMs, qPrintable(QString::number(ms)));
    QCOMPARE(asked.size(), 2);
    QVERIFY2(isPasswordQuestion(asked.at(0)), qPrintable(asked.at(0).prompt()));
    QVERIFY2(isPasswordQuestion(asked.at(1)), qPrintable(asked.at(1).prompt()));
    QCOMPARE(opened.size(), 0);
    QCOMPARE(conn.state(), QVirtConnection::State::Closed);
    QCOMPARE(conn.error(), QVirtConnection::AuthenticationError);
    QVERIFY2(conn.errorString().contains(QLatin1String("authentication failed")),
             qPrintable(conn.errorString()));
}

// libssh, an unknown host key the user does not trust: answering
// libvirt's question with "n" ends the open at once with libvirt's reason,
// before any password is asked for, and the key is not recorded.
void tst_SshConnection::libsshRefusedHostKeyFailsAtOnce()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_LIBSSH_TEST_URI");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString knownHosts = dir.filePath(QStringLiteral("known_hosts"));
    QVirtConnection conn;
    QSignalSpy opened(&conn, &QVirtConnection::opened);
    QList<QVirtCredential> asked;
    const qint64 ms = openAnswering(
        conn, withKnownHosts(uri, knownHosts),
        [](const QVirtCredential &credential) {
            return isHostKeyQuestion(credential) ? QStringLiteral("n") : QString();
        },
        &asked);
    qInfo("refused after %lld ms: %s", ms, qPrintable(conn.errorString()));
    QVERIFY(ms >= 0);
    QVERIFY2(ms <= RefusalDeadlineMs, qPrintable(QString::number(ms)));
    QCOMPARE(asked.size(), 1);
    QVERIFY2(isHostKeyQuestion(asked.at(0)), qPrintable(asked.at(0).prompt()));
    QCOMPARE(opened.size(), 0);
    QCOMPARE(conn.state(), QVirtConnection::State::Closed);
    // libvirt reports the refusal as an error of its libssh transport
    // (VIR_ERR_LIBSSH), not as a failed authentication.
    QCOMPARE(conn.error(), QVirtConnection::OpenError);
    QVERIFY2(conn.errorString().contains(QLatin1String("was not accepted")),
             qPrintable(conn.errorString()));
    QVERIFY(!QFile::exists(knownHosts) || QFile(knownHosts).size() == 0);
}

// libssh, a host key that differs from the one recorded for the
// address (what a man in the middle presents): libvirt refuses without
// asking anything, with its reason, at once.
void tst_SshConnection::libsshChangedHostKeyFailsAtOnce()
{
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_LIBSSH_TEST_URI");
    const QUrl url(QString::fromUtf8(uri));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The client's own public key stands for another host's key.
    const QString dirOfKeys = QFileInfo(QUrlQuery(url).queryItemValue(QStringLiteral("known_hosts"),
                                                                      QUrl::FullyDecoded))
                                  .absolutePath();
    QFile clientKey(dirOfKeys + QStringLiteral("/id_ed25519.pub"));
    QVERIFY2(clientKey.open(QIODevice::ReadOnly), qPrintable(clientKey.fileName()));
    const QList<QByteArray> fields = clientKey.readAll().split(' ');
    QVERIFY(fields.size() >= 2);
    const QString knownHosts = dir.filePath(QStringLiteral("known_hosts"));
    QFile file(knownHosts);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(url.host().toUtf8() + ' ' + fields.at(0) + ' ' + fields.at(1) + '\n');
    file.close();

    QVirtConnection conn;
    QSignalSpy opened(&conn, &QVirtConnection::opened);
    QList<QVirtCredential> asked;
    const qint64 ms = openAnswering(
        conn, withKnownHosts(uri, knownHosts),
        [](const QVirtCredential &) { return QStringLiteral("y"); }, &asked);
    qInfo("refused after %lld ms: %s", ms, qPrintable(conn.errorString()));
    QVERIFY(ms >= 0);
    QVERIFY2(ms <= RefusalDeadlineMs, qPrintable(QString::number(ms)));
    QCOMPARE(asked.size(), 0);
    QCOMPARE(opened.size(), 0);
    QCOMPARE(conn.state(), QVirtConnection::State::Closed);
    QCOMPARE(conn.error(), QVirtConnection::AuthenticationError);
    QVERIFY2(conn.errorString().contains(QLatin1String("HOST KEY VERIFICATION FAILED")),
             qPrintable(conn.errorString()));
}

// qemu+ssh:// talks to the remote daemon through a pipe to OpenSSH's client,
// a child process of libvirt's. When that client dies (the network drops and
// ssh gives up, or it is killed), libvirt's next write to the pipe raises
// SIGPIPE, whose default action ends the whole application: a Qt program
// that did nothing but open a remote connection vanished without a message
// (seen as qt-events exiting with 141 while it closed its connection).
// QVirtConnection ignores SIGPIPE when it still has its default action, as
// Qt's own sockets and QProcess do (docs/remote-hosts.md), so the write
// fails with EPIPE and the connection reports its loss. The write is made
// here deterministically: the client is killed and seen dead before the
// event loop runs again, and a call then writes to its pipe.
void tst_SshConnection::deadSshClientDoesNotKillTheApplication()
{
    setSigpipeHandler(SIG_DFL);
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_SSH_TEST_URI");
    QVERIFY(uri.startsWith("test+ssh://"));
    const QList<pid_t> before = childProcesses("ssh");
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(QString::fromUtf8(uri)), qPrintable(conn.errorString()));
    QVERIFY(sigpipeDisposition().sa_handler == SIG_IGN);

    QList<pid_t> clients = childProcesses("ssh");
    for (const pid_t pid : before)
        clients.removeAll(pid);
    QCOMPARE(clients.size(), 1);
    QCOMPARE(kill(clients.first(), SIGKILL), 0);
    QElapsedTimer clock;
    clock.start();
    while (processRuns(clients.first()) && clock.elapsed() < OpenTimeoutMs)
        usleep(1000);
    QVERIFY(!processRuns(clients.first()));

    QSignalSpy closed(&conn, &QVirtConnection::closed);
    unsigned long version = 0;
    QCOMPARE(virConnectGetLibVersion(conn.handle(), &version), -1);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, OpenTimeoutMs);
    QCOMPARE(conn.state(), QVirtConnection::State::Closed);
}

// An application that handles SIGPIPE itself keeps its handler: QVirtConnection
// only replaces the default action.
void tst_SshConnection::applicationsOwnSigpipeHandlerIsKept()
{
    setSigpipeHandler(ownSigpipeHandler);
    const QByteArray uri = QtVirtTest::testbedValue("QTVIRT_SSH_TEST_URI");
    QVirtConnection conn;
    QVERIFY2(conn.openBlocking(QString::fromUtf8(uri)), qPrintable(conn.errorString()));
    QVERIFY(sigpipeDisposition().sa_handler == ownSigpipeHandler);
    setSigpipeHandler(SIG_IGN);
}

QTEST_GUILESS_MAIN(tst_SshConnection)
#include "tst_sshconnection.moc"
