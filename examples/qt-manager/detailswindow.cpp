// SPDX-License-Identifier: LGPL-2.1-or-later
#include "detailswindow.h"

#include "terminalwidget.h"
#include "vncview.h"
#include "xmlhighlighter.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtError>
#include <QtVirt/QVirtStream>

#include <QtCore/QFutureWatcher>
#include <QtCore/QTimer>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

#include <unistd.h>

namespace {

// Calls done with the result of future once it finished, or failed with
// libvirt's message (empty when it was canceled). A result that arrives
// after context is gone is given to discard, so that nothing leaks.
template<typename T, typename Done, typename Failed, typename Discard>
void whenFinished(QObject *context, const QFuture<T> &future, Done done, Failed failed,
                  Discard discard)
{
    auto *watcher = new QFutureWatcher<T>;
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, context = QPointer<QObject>(context), done, failed, discard] {
                         watcher->deleteLater();
                         QFuture<T> result = watcher->future();
                         try {
                             result.waitForFinished();
                         } catch (const QVirtError &error) {
                             if (context)
                                 failed(error.message());
                             return;
                         }
                         if (result.isCanceled() || result.resultCount() == 0) {
                             if (context)
                                 failed(QString());
                             return;
                         }
                         if (context)
                             done(result.result());
                         else
                             discard(result.result());
                     });
    watcher->setFuture(future);
}

} // namespace

DetailsWindow::DetailsWindow(QVirtConnection *connection, const QVirtDomainRef &domain,
                             QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_connection(connection)
    , m_domain(domain)
    , m_tabs(new QTabWidget)
{
    setObjectName(QStringLiteral("detailsWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("%1 – QtVirt Manager").arg(domain.name()));

    m_tabs->setObjectName(QStringLiteral("detailsTabs"));
    m_tabs->addTab(makeConsoleTab(), tr("&Console"));
    m_tabs->addTab(makeDisplayTab(), tr("&Display"));
    m_tabs->addTab(makeXmlTab(), tr("&XML"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    resize(800, 560);

    connectConsole();
    connectDisplay();
    loadXml();
}

DetailsWindow::~DetailsWindow()
{
    // The console is given back to the domain before the terminal goes.
    m_terminal->setDevice(nullptr);
    m_console.reset();
}

QWidget *DetailsWindow::makeConsoleTab()
{
    auto *tab = new QWidget;
    m_terminal = new TerminalWidget;
    m_consoleStatus = new QLabel;
    m_consoleStatus->setObjectName(QStringLiteral("consoleStatus"));
    m_consoleReconnect = new QPushButton(tr("&Reconnect"));
    m_consoleReconnect->setObjectName(QStringLiteral("consoleReconnect"));
    connect(m_consoleReconnect, &QPushButton::clicked, this, &DetailsWindow::connectConsole);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_consoleStatus, 1);
    bar->addWidget(m_consoleReconnect);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_terminal, 1);
    layout->addLayout(bar);
    return tab;
}

QWidget *DetailsWindow::makeDisplayTab()
{
    m_vncView = new VncView;
    m_displayMessage = new QLabel;
    m_displayMessage->setObjectName(QStringLiteral("displayMessage"));
    m_displayMessage->setAlignment(Qt::AlignCenter);
    m_displayMessage->setWordWrap(true);
    m_displayStack = new QStackedWidget;
    m_displayStack->addWidget(m_displayMessage);
    m_displayStack->addWidget(m_vncView);
    m_displayReconnect = new QPushButton(tr("Re&connect"));
    m_displayReconnect->setObjectName(QStringLiteral("displayReconnect"));
    connect(m_displayReconnect, &QPushButton::clicked, this, &DetailsWindow::connectDisplay);
    connect(m_vncView, &VncView::connected, this, [this] {
        m_displaySince.start();
        m_displayStack->setCurrentWidget(m_vncView);
        m_displayReconnect->setEnabled(false);
    });
    connect(m_vncView, &VncView::disconnected, this, &DetailsWindow::displayEnded);

    auto *tab = new QWidget;
    auto *bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(m_displayReconnect);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_displayStack, 1);
    layout->addLayout(bar);
    return tab;
}

QWidget *DetailsWindow::makeXmlTab()
{
    m_xml = new QPlainTextEdit;
    m_xml->setObjectName(QStringLiteral("xmlView"));
    m_xml->setReadOnly(true);
    m_xml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_xml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new XmlHighlighter(m_xml->document());
    return m_xml;
}

QString DetailsWindow::consoleStatus() const
{
    return m_consoleStatus->text();
}

QString DetailsWindow::displayStatus() const
{
    return m_displayStack->currentWidget() == m_vncView ? QString() : m_displayMessage->text();
}

void DetailsWindow::connectConsole()
{
    if (!m_connection)
        return;
    m_terminal->setDevice(nullptr);
    m_console.reset();
    m_consoleReconnect->setEnabled(false);
    m_consoleStatus->setText(tr("Connecting to the serial console…"));
    // Force: the user asked for this console here, so it is taken over
    // from another viewer (virsh console, an earlier window).
    whenFinished(
        this,
        m_connection->openDomainConsole(m_domain, QString(), QVirtConnection::ConsoleFlag::Force),
        [this](QVirtStream *stream) {
            m_console.reset(stream);
            connect(stream, &QIODevice::readChannelFinished, this,
                    [this] { consoleEnded(tr("The console was closed.")); });
            connect(stream, &QVirtStream::errorOccurred, this,
                    [this] { consoleEnded(m_console->errorString()); });
            m_terminal->setDevice(stream);
            m_terminal->setFocus(Qt::OtherFocusReason);
            m_consoleStatus->setText(tr("Connected to the serial console."));
        },
        [this](const QString &error) {
            consoleEnded(error.isEmpty() ? tr("The console could not be opened.")
                                         : tr("The console could not be opened: %1").arg(error));
        },
        [](QVirtStream *stream) { delete stream; });
}

void DetailsWindow::consoleEnded(const QString &reason)
{
    m_consoleStatus->setText(reason);
    m_consoleReconnect->setEnabled(true);
}

void DetailsWindow::connectDisplay()
{
    if (!m_connection)
        return;
    m_vncView->stop();
    m_displayReconnect->setEnabled(false);
    m_displayMessage->setText(tr("Connecting to the display…"));
    m_displayStack->setCurrentWidget(m_displayMessage);
    whenFinished(
        this, m_connection->openDomainGraphicsFd(m_domain),
        [this](int fd) { m_vncView->start(fd); },
        [this](const QString &error) {
            showDisplayMessage(
                error.isEmpty()
                    ? tr("This domain has no graphical display.")
                    : tr("This domain has no graphical display that can be shown here: %1")
                          .arg(error));
        },
        [](int fd) { ::close(fd); });
}

void DetailsWindow::displayEnded(const QString &reason)
{
    // QEMU does not tell a client about a change of the screen's size
    // that happens between its greeting and the client's choice of
    // encodings (the firmware's and the kernel's mode switches while the
    // guest boots), and libvncclient then drops the session at the first
    // update that does not fit. A new session starts with the new size.
    constexpr int MaxRetries = 3;
    constexpr qint64 LongLivedMs = 5000;
    const bool wasRunning = m_displaySince.isValid();
    if (wasRunning && m_displaySince.elapsed() >= LongLivedMs)
        m_displayRetries = 0;
    m_displaySince.invalidate();
    if (wasRunning && m_displayRetries < MaxRetries) {
        ++m_displayRetries;
        m_displayMessage->setText(tr("The display's connection ended; reconnecting…"));
        m_displayStack->setCurrentWidget(m_displayMessage);
        QTimer::singleShot(200, this, &DetailsWindow::connectDisplay);
        return;
    }
    m_displayRetries = 0;
    showDisplayMessage(reason);
}

void DetailsWindow::showDisplayMessage(const QString &message)
{
    m_displayMessage->setText(message);
    m_displayStack->setCurrentWidget(m_displayMessage);
    m_displayReconnect->setEnabled(true);
}

void DetailsWindow::loadXml()
{
    if (!m_connection)
        return;
    m_xml->setPlainText(tr("Loading…"));
    whenFinished(
        this, m_connection->domainXml(m_domain),
        [this](const QString &xml) { m_xml->setPlainText(xml); },
        [this](const QString &error) {
            m_xml->setPlainText(tr("The XML could not be read: %1").arg(error));
        },
        [](const QString &) {});
}
