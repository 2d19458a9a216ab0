// SPDX-License-Identifier: LGPL-2.1-or-later
//
// qt-console against the testbed's tiny VM (a busybox shell on ttyS0), on a
// pseudo-terminal as a user runs it and with piped input as a script does.
// Every wait is for something the guest or the program prints, never a
// sleep, so that a loaded machine only makes the tests slower.

#include "consoleprocess.h"
#include "guestshell.h"
#include "integrationsupport.h"
#include "testsupport.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

#include <libvirt/libvirt.h>

#include <cstring>

using namespace GuestShell;

namespace {

// The exit codes of examples/qt-console/exitcode.h.
constexpr int Detached = 0;
constexpr int NoSuchDomain = 4;
constexpr int ConsoleBusy = 5;
constexpr int HungUp = 7;

bool sameSettings(const termios &a, const termios &b)
{
    return a.c_iflag == b.c_iflag && a.c_oflag == b.c_oflag && a.c_cflag == b.c_cflag
        && a.c_lflag == b.c_lflag && std::memcmp(a.c_cc, b.c_cc, sizeof a.c_cc) == 0
        && cfgetispeed(&a) == cfgetispeed(&b) && cfgetospeed(&a) == cfgetospeed(&b);
}

bool isRaw(const termios &settings)
{
    return !(settings.c_lflag & (ICANON | ECHO | ISIG)) && !(settings.c_iflag & ICRNL);
}

// English messages, whatever the machine's locale.
const QMap<QByteArray, QByteArray> English{
    {"LC_ALL", "C"}, {"LC_MESSAGES", {}}, {"LANG", {}}, {"LANGUAGE", {}}};

// 2,000 lines of printable text, about 100 KiB: nothing the guest's line
// discipline treats specially (no control character, no backslash).
QByteArray pasteText()
{
    static const char alphabet[]
        = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";
    QRandomGenerator random(42);
    QByteArray text;
    for (int line = 0; line < 2000; ++line) {
        text += QByteArray::number(line).rightJustified(4, '0') + ' ';
        for (int i = 0; i < 46; ++i)
            text += alphabet[random.bounded(int(sizeof alphabet - 1))];
        text += '\n';
    }
    return text;
}

} // namespace

class tst_QtConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void terminalRunsCommandAndEscapeLeaves();
    void pipedInputPassesThroughUntilItEnds();
    void destroyedDomainHangsUp();
    void pastedInputArrivesWhole();
    void busyConsoleExplainsForce();
    void speaksTheUserLanguage_data();
    void speaksTheUserLanguage();

private:
    QStringList arguments(const QStringList &extra = {}) const;

    QString m_uri;
    QString m_domainName;
    QtVirtIntegration::Connection m_conn;
    QtVirtIntegration::Domain m_domain;
};

void tst_QtConsole::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    // qt-console inherits QT_NO_GLIB with the rest of the environment, so
    // it runs on the dispatcher this test was promised.
    m_uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_QEMU_URI"));
    m_domainName = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TESTBED_DOMAIN"));
    m_conn.reset(virConnectOpen(m_uri.toUtf8().constData()));
    QVERIFY2(m_conn, qPrintable(QtVirtIntegration::lastError()));
    m_domain.reset(virDomainLookupByName(m_conn.get(), m_domainName.toUtf8().constData()));
    QVERIFY2(m_domain, qPrintable(QtVirtIntegration::lastError()));
}

void tst_QtConsole::init()
{
    QtVirtTest::failOnAnyWarning();
    if (virDomainIsActive(m_domain.get()) != 1)
        QVERIFY2(virDomainCreate(m_domain.get()) == 0, qPrintable(QtVirtIntegration::lastError()));
}

QStringList tst_QtConsole::arguments(const QStringList &extra) const
{
    // --force: a console left attached by an earlier failure must not fail
    // the next test.
    return QStringList{QStringLiteral("-c"), m_uri, QStringLiteral("--force")} + extra
        + QStringList{m_domainName};
}

void tst_QtConsole::terminalRunsCommandAndEscapeLeaves()
{
    ConsoleProcess console;
    QCOMPARE(console.start(QStringLiteral(QTVIRT_QT_CONSOLE_PATH), arguments(),
                           ConsoleProcess::Input::Terminal, English),
             QString());
    QVERIFY2(console.waitFor("Escape character is ^].", 0, QDeadlineTimer(ReplyMs)) >= 0,
             console.output().constData());
    const QByteArray banner = "Connected to domain '" + m_domainName.toUtf8() + "'.";
    QVERIFY(console.output().contains(banner));
    QVERIFY2(waitForPrompt(console), console.output().right(400).constData());
    QVERIFY(console.settingsAtStart().c_lflag & ICANON);
    QVERIFY2(isRaw(console.terminalSettings()), "the terminal is not in raw mode");

    QVERIFY2(runInGuest(console, "echo hel\"\"lo-$((6*7))", "hello-42"),
             console.output().right(400).constData());

    QVERIFY(console.write("\x1d"));
    QCOMPARE(console.waitForExit(QDeadlineTimer(ReplyMs)), Detached);
    QVERIFY(sameSettings(console.terminalSettings(), console.settingsAtStart()));
}

void tst_QtConsole::pipedInputPassesThroughUntilItEnds()
{
    ConsoleProcess console;
    QCOMPARE(console.start(QStringLiteral(QTVIRT_QT_CONSOLE_PATH), arguments(),
                           ConsoleProcess::Input::Pipe, English),
             QString());
    QVERIFY2(waitForPrompt(console), console.output().right(400).constData());
    QVERIFY2(!console.output().contains("Escape character"), "a banner in piped mode");
    // Only stdin decides: the terminal on stdout stays as it was.
    QVERIFY(sameSettings(console.terminalSettings(), console.settingsAtStart()));

    // The escape character is data here: the shell gets it as an argument of
    // the no-op builtin, and qt-console stays.
    QVERIFY(console.write(": \x1d\r"));
    QVERIFY2(runInGuest(console, "echo hel\"\"lo-$((6*8))", "hello-48"),
             console.output().right(400).constData());

    console.closeInput();
    QCOMPARE(console.waitForExit(QDeadlineTimer(ReplyMs)), Detached);
    QVERIFY(sameSettings(console.terminalSettings(), console.settingsAtStart()));
}

void tst_QtConsole::destroyedDomainHangsUp()
{
    ConsoleProcess console;
    QCOMPARE(console.start(QStringLiteral(QTVIRT_QT_CONSOLE_PATH), arguments(),
                           ConsoleProcess::Input::Terminal, English),
             QString());
    QVERIFY2(waitForPrompt(console), console.output().right(400).constData());

    QCOMPARE(virDomainDestroy(m_domain.get()), 0);
    QCOMPARE(console.waitForExit(QDeadlineTimer(ReplyMs)), HungUp);
    const QByteArray message = "The console of domain '" + m_domainName.toUtf8() + "' hung up";
    QVERIFY2(console.output().contains(message), console.output().right(400).constData());
    QVERIFY(sameSettings(console.terminalSettings(), console.settingsAtStart()));
}

void tst_QtConsole::pastedInputArrivesWhole()
{
    ConsoleProcess console;
    QCOMPARE(console.start(QStringLiteral(QTVIRT_QT_CONSOLE_PATH), arguments(),
                           ConsoleProcess::Input::Terminal, English),
             QString());
    QVERIFY2(waitForPrompt(console), console.output().right(400).constData());

    // Without echo the guest's tty does not send the paste back, and
    // busybox reads whole lines instead of editing them.
    QVERIFY2(runInGuest(console, "stty -echo; echo echo-$((2*3))-off", "echo-6-off"),
             console.output().right(400).constData());
    const auto restoreEcho = qScopeGuard([&] { runInGuest(console, "stty echo", "# "); });
    // The shell has read its line once it prints, so the paste goes to cat.
    QVERIFY2(runInGuest(console, "echo ready-$((1+1)); cat > /tmp/f", "ready-2"),
             console.output().right(400).constData());

    const QByteArray text = pasteText();
    QVERIFY(text.size() > 100 * 1000);
    QVERIFY(console.write(text, QDeadlineTimer(120000)));
    // ^D at the start of a line: end of input for cat.
    QVERIFY(console.write("\x04"));
    const QByteArray expected = QCryptographicHash::hash(text, QCryptographicHash::Md5).toHex();
    QVERIFY2(runInGuest(console, "md5sum /tmp/f", "  /tmp/f", 120000),
             console.output().right(400).constData());
    static const QRegularExpression sum(QStringLiteral("([0-9a-f]{32})  /tmp/f"));
    const QRegularExpressionMatch match
        = sum.match(QString::fromLatin1(console.output().right(200)));
    QVERIFY2(match.hasMatch(), console.output().right(200).constData());
    QCOMPARE(match.captured(1).toLatin1(), expected);
}

void tst_QtConsole::busyConsoleExplainsForce()
{
    ConsoleProcess holder;
    QCOMPARE(holder.start(QStringLiteral(QTVIRT_QT_CONSOLE_PATH), arguments(),
                          ConsoleProcess::Input::Terminal, English),
             QString());
    QVERIFY2(waitForPrompt(holder), holder.output().right(400).constData());

    ConsoleProcess second;
    QCOMPARE(second.start(QStringLiteral(QTVIRT_QT_CONSOLE_PATH),
                          {QStringLiteral("-c"), m_uri, m_domainName},
                          ConsoleProcess::Input::Terminal, English),
             QString());
    QCOMPARE(second.waitForExit(QDeadlineTimer(ReplyMs)), ConsoleBusy);
    QVERIFY2(second.output().contains("is in use by another client"), second.output().constData());
    QVERIFY2(second.output().contains("--force"), second.output().constData());
    QVERIFY(holder.isRunning());
}

void tst_QtConsole::speaksTheUserLanguage_data()
{
    QTest::addColumn<QByteArray>("lang");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("C") << QByteArray("C") << QByteArray("not found on");
    QTest::newRow("de") << QByteArray("de_DE.UTF-8") << QByteArray("nicht gefunden");
    QTest::newRow("fr") << QByteArray("fr_FR.UTF-8") << QByteArray("introuvable");
}

void tst_QtConsole::speaksTheUserLanguage()
{
    QFETCH(QByteArray, lang);
    QFETCH(QByteArray, expected);
    ConsoleProcess console;
    QCOMPARE(console.start(QStringLiteral(QTVIRT_QT_CONSOLE_PATH),
                           {QStringLiteral("-c"), m_uri, QStringLiteral("qtvirt-no-such-domain")},
                           ConsoleProcess::Input::Pipe,
                           {{"LANG", lang}, {"LC_ALL", {}}, {"LC_MESSAGES", {}}, {"LANGUAGE", {}}}),
             QString());
    QCOMPARE(console.waitForExit(QDeadlineTimer(ReplyMs)), NoSuchDomain);
    QVERIFY2(console.output().contains(expected), console.output().constData());
}

QTEST_GUILESS_MAIN(tst_QtConsole)
#include "tst_qtconsole.moc"
