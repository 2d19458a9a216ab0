// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The examples print strings the daemon supplies (domain
// names, metadata namespace URIs, libvirt's messages) on the user's
// terminal. Printed raw, a domain named "x\e]0;...\a" or "\e[2J" retitles
// or clears the terminal of whoever watches events, and on some terminals
// such sequences can do worse. qt-events and qt-console must show every
// control character as \xHH, the way `virsh list` shows such a name, and
// print nothing else raw. The test driver of the testbed daemon accepts
// such names through virDomainRename() and such URIs through
// virDomainSetMetadata(); both programs run against it unchanged.

#include "integrationsupport.h"
#include "testsupport.h"

#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QProcessEnvironment>
#include <QtTest/QTest>

using namespace QtVirtIntegration;

namespace {

const QString qtEventsPath = QStringLiteral(QTVIRT_QT_EVENTS_PATH);
const QString qtConsolePath = QStringLiteral(QTVIRT_QT_CONSOLE_PATH);

// ESC [2J clears the screen, ESC ]0; sets the window title up to BEL, CR
// moves back over what was printed, and U+009B is the 8-bit CSI.
const QByteArray Hostile = "\x1b[2J\x1b]0;owned\x07\r\xc2\x9b"
                           "1m";
// The same as virsh list shows it: each byte of a control character as \xHH.
const QByteArray HostileShown = "\\x1b[2J\\x1b]0;owned\\x07\\x0d\\xc2\\x9b"
                                "1m";

// The first control character in text other than a line's end or a tab,
// as "byte N: 0xHH"; empty if there is none. UTF-8's C1 controls
// (U+0080..U+009F) are C2 80..C2 9F.
QString firstControl(const QByteArray &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text.at(i));
        const bool c0 = (byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7f;
        const bool c1 = byte == 0xc2 && i + 1 < text.size()
            && static_cast<unsigned char>(text.at(i + 1)) >= 0x80
            && static_cast<unsigned char>(text.at(i + 1)) <= 0x9f;
        if (c0 || c1)
            return QStringLiteral("byte %1: 0x%2").arg(i).arg(byte, 2, 16, QLatin1Char('0'));
    }
    return QString();
}

QProcessEnvironment englishEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    return env;
}

} // namespace

class tst_TerminalInjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void hostileNamesPrintEscaped();
};

void tst_TerminalInjection::initTestCase()
{
    QtVirtTest::verifyExpectedDispatcher();
    QVERIFY2(QFile::exists(qtEventsPath), qPrintable(qtEventsPath));
    QVERIFY2(QFile::exists(qtConsolePath), qPrintable(qtConsolePath));
}

void tst_TerminalInjection::init()
{
    QtVirtTest::failOnAnyWarning();
}

void tst_TerminalInjection::hostileNamesPrintEscaped()
{
    const QString uri = QString::fromUtf8(QtVirtTest::testbedValue("QTVIRT_TEST_URI"));
    QVERIFY(!uri.isEmpty());
    const Connection conn = openTestConnection();
    QVERIFY(conn);
    DomainJanitor janitor;
    const QByteArray warmUp = janitor.track(uniqueDomainName("warm-up"));
    const QByteArray plain = janitor.track(uniqueDomainName("plain"));
    const QByteArray hostile = janitor.track(uniqueDomainName("name") + Hostile);
    const QByteArray hostileUri = "https://example.org/" + Hostile;

    QProcess events;
    events.setProcessEnvironment(englishEnvironment());
    events.start(qtEventsPath,
                 {QStringLiteral("-c"), uri, QStringLiteral("--event"), QStringLiteral("lifecycle"),
                  QStringLiteral("--event"), QStringLiteral("metadata-change"),
                  QStringLiteral("--loop")});
    QVERIFY(events.waitForStarted(10000));
    QByteArray output;
    QByteArray said; // by qt-console
    // qt-events does not say when it listens: define and undefine a domain
    // until it reports one.
    QVERIFY(QTest::qWaitFor(
        [&] {
            const Domain dom(virDomainDefineXML(conn.get(), testDomainXml(warmUp).constData()));
            if (dom)
                virDomainUndefine(dom.get());
            events.waitForReadyRead(200);
            output += events.readAllStandardOutput();
            return output.contains(warmUp);
        },
        20000));

    {
        const Domain dom(virDomainDefineXML(conn.get(), testDomainXml(plain).constData()));
        QVERIFY2(dom, qPrintable(lastError()));
        QVERIFY2(virDomainRename(dom.get(), hostile.constData(), 0) == 0, qPrintable(lastError()));
        QVERIFY2(virDomainSetMetadata(dom.get(), VIR_DOMAIN_METADATA_ELEMENT, "<x/>", "q",
                                      hostileUri.constData(), VIR_DOMAIN_AFFECT_CONFIG)
                     == 0,
                 qPrintable(lastError()));

        // qt-console names the domain in its messages: here that it is not
        // running (its console cannot be opened).
        QProcess console;
        console.setProcessEnvironment(englishEnvironment());
        console.start(qtConsolePath, {QStringLiteral("-c"), uri, QString::fromUtf8(hostile)});
        QVERIFY(console.waitForStarted(10000));
        console.closeWriteChannel();
        QVERIFY(console.waitForFinished(30000));
        said = console.readAllStandardError() + console.readAllStandardOutput();

        QVERIFY2(virDomainUndefine(dom.get()) == 0, qPrintable(lastError()));
    }

    const QByteArray stem = hostile.left(hostile.size() - Hostile.size());
    const QByteArray shown = stem + HostileShown;
    const QList<QByteArray> expected = {
        "event 'lifecycle' for domain '" + plain + "': Undefined Renamed",
        "event 'lifecycle' for domain '" + shown + "': Defined Renamed",
        "event 'metadata-change' for domain '" + shown + "': type element, uri https://example.org/"
            + HostileShown,
        "event 'lifecycle' for domain '" + shown + "': Undefined Removed",
    };
    QVERIFY(QTest::qWaitFor(
        [&] {
            events.waitForReadyRead(200);
            output += events.readAllStandardOutput();
            // However it prints the name, it ends with the undefine.
            const qsizetype last = output.lastIndexOf(QByteArray("for domain '" + stem));
            return last >= 0 && output.indexOf(": Undefined Removed\n", last) >= 0;
        },
        20000));
    events.terminate();
    QVERIFY(events.waitForFinished(10000));
    output += events.readAllStandardOutput();
    const QString control = firstControl(output);
    QVERIFY2(control.isEmpty(),
             qPrintable(control + QStringLiteral(" in ")
                        + QString::fromLatin1(output.toPercentEncoding())));
    for (const QByteArray &line : expected)
        QVERIFY2(
            output.contains(QByteArray(line + '\n')),
            QByteArray(line.toPercentEncoding() + " missing from " + output.toPercentEncoding())
                .constData());

    QVERIFY2(said.contains("' is not running."), said.constData());
    QVERIFY2(said.contains(QByteArray(HostileShown + "' is not running.")),
             said.toPercentEncoding().constData());
    const QString consoleControl = firstControl(said);
    QVERIFY2(consoleControl.isEmpty(),
             qPrintable(consoleControl + QStringLiteral(" in ")
                        + QString::fromLatin1(said.toPercentEncoding())));
}

QTEST_GUILESS_MAIN(tst_TerminalInjection)
#include "tst_terminalinjection.moc"
