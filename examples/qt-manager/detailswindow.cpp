// SPDX-License-Identifier: LGPL-2.1-or-later
#include "detailswindow.h"

#include "eventstab.h"
#include "historygraph.h"
#include "snapshotstab.h"
#include "statshistory.h"
#include "terminalwidget.h"
#include "vncview.h"
#include "whenfinished.h"
#include "xmlhighlighter.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QVirtStream>

#include <QtCore/QLocale>
#include <QtCore/QTimer>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

#include <unistd.h>

namespace {

// The sum of two series, aligned at their newest samples.
QList<double> sumOf(const QList<double> &a, const QList<double> &b)
{
    QList<double> sum = a.size() >= b.size() ? a : b;
    const QList<double> &shorter = a.size() >= b.size() ? b : a;
    const qsizetype offset = sum.size() - shorter.size();
    for (qsizetype i = 0; i < shorter.size(); ++i)
        sum[offset + i] += shorter.at(i);
    return sum;
}

QString bytesPerSecond(double rate)
{
    return DetailsWindow::tr("%1/s").arg(QLocale().formattedDataSize(qint64(rate)));
}

// The roles the overview shows as fields, in its order.
const QList<int> FieldRoles = {
    QVirtDomainModel::StateTextRole, QVirtDomainModel::DomainIdRole,
    QVirtDomainModel::UuidRole,      QVirtDomainModel::VcpusRole,
    QVirtDomainModel::MemoryRole,    QVirtDomainModel::PersistentRole,
    QVirtDomainModel::AutostartRole, QVirtDomainModel::HostRole,
    QVirtDomainModel::UriRole,
};

} // namespace

DetailsWindow::DetailsWindow(QVirtConnection *connection, const QVirtDomainRef &domain,
                             const Statistics &statistics, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_connection(connection)
    , m_domain(domain)
    , m_tabs(new QTabWidget)
    , m_statistics(statistics)
{
    setObjectName(QStringLiteral("detailsWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("%1 – QtVirt Manager").arg(domain.name()));

    m_tabs->setObjectName(QStringLiteral("detailsTabs"));
    m_tabs->addTab(makeConsoleTab(), tr("&Console"));
    m_tabs->addTab(makeDisplayTab(), tr("&Display"));
    m_tabs->addTab(makeOverviewTab(), tr("&Overview"));
    m_tabs->addTab(makeXmlTab(), tr("&XML"));
    m_snapshots = new SnapshotsTab(connection, domain);
    m_tabs->addTab(m_snapshots, tr("&Snapshots"));
    m_events = new EventsTab(connection, domain);
    m_tabs->addTab(m_events, tr("&Events"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    resize(800, 560);

    connectConsole();
    connectDisplay();
    loadXml();
    // New figures arrive with the model's statistics (statsInterval) and
    // events; the window has no timer of its own.
    if (m_statistics.model) {
        connect(m_statistics.model, &QAbstractItemModel::dataChanged, this,
                &DetailsWindow::refreshOverview);
        connect(m_statistics.model, &QAbstractItemModel::modelReset, this,
                &DetailsWindow::refreshOverview);
        connect(m_statistics.model, &QAbstractItemModel::rowsRemoved, this,
                &DetailsWindow::refreshOverview);
    }
    refreshOverview();
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

QWidget *DetailsWindow::makeOverviewTab()
{
    auto *tab = new QWidget;
    tab->setObjectName(QStringLiteral("overview"));
    m_fields = new QFormLayout;
    const QStringList names{tr("State:"),     tr("ID:"),     tr("UUID:"),
                            tr("vCPUs:"),     tr("Memory:"), tr("Persistent:"),
                            tr("Autostart:"), tr("Host:"),   tr("Connection:")};
    const QStringList objectNames{
        QStringLiteral("stateValue"),     QStringLiteral("idValue"),
        QStringLiteral("uuidValue"),      QStringLiteral("vcpusValue"),
        QStringLiteral("memoryValue"),    QStringLiteral("persistentValue"),
        QStringLiteral("autostartValue"), QStringLiteral("hostValue"),
        QStringLiteral("connectionValue")};
    for (const QString &name : names) {
        auto *value = new QLabel;
        value->setObjectName(objectNames.at(m_fieldValues.size()));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_fields->addRow(name, value);
        m_fieldValues.append(value);
    }
    m_cpuGraph = new HistoryGraph(
        tr("CPU"), [](double percent) { return tr("%1 %").arg(percent, 0, 'f', 1); }, 100);
    m_memoryGraph = new HistoryGraph(tr("Memory used"), [](double kib) {
        return QLocale().formattedDataSize(qint64(kib * 1024));
    });
    m_cpuGraph->setObjectName(QStringLiteral("cpuGraph"));
    m_memoryGraph->setObjectName(QStringLiteral("memoryGraph"));
    m_diskGraph = new HistoryGraph(tr("Disk I/O"), bytesPerSecond);
    m_netGraph = new HistoryGraph(tr("Network I/O"), bytesPerSecond);
    auto *graphs = new QGridLayout;
    graphs->addWidget(m_cpuGraph, 0, 0);
    graphs->addWidget(m_memoryGraph, 0, 1);
    graphs->addWidget(m_diskGraph, 1, 0);
    graphs->addWidget(m_netGraph, 1, 1);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(m_fields);
    layout->addLayout(graphs, 1);
    return tab;
}

void DetailsWindow::refreshOverview()
{
    QVirtDomainModel *model = m_statistics.model;
    if (!model)
        return;
    QModelIndex row;
    for (int i = 0; i < model->rowCount() && !row.isValid(); ++i) {
        const QModelIndex index = model->index(i, 0);
        if (index.data(QVirtDomainModel::UuidRole).toString() == m_domain.uuidString())
            row = index;
    }
    if (!row.isValid()) {
        m_fieldValues.constFirst()->setText(tr("Gone"));
        return;
    }
    for (int i = 0; i < FieldRoles.size(); ++i) {
        const int role = FieldRoles.at(i);
        const QVariant value = row.data(role);
        QString text;
        if (role == QVirtDomainModel::MemoryRole)
            text = QLocale().formattedDataSize(value.toLongLong() * 1024);
        else if (role == QVirtDomainModel::PersistentRole
                 || role == QVirtDomainModel::AutostartRole)
            text = value.toBool() ? tr("yes") : tr("no");
        else if (role == QVirtDomainModel::DomainIdRole && value.toInt() < 0)
            text = tr("none (not running)");
        else
            text = value.toString();
        m_fieldValues.at(i)->setText(text);
    }
    const QString uuid = m_domain.uuidString();
    const auto samplesOf = [&uuid](const StatsHistory *history) {
        return history ? history->samples(uuid) : QList<double>();
    };
    m_cpuGraph->setSamples(samplesOf(m_statistics.cpu), StatsHistory::MaximumSamples);
    m_memoryGraph->setSamples(samplesOf(m_statistics.memory), StatsHistory::MaximumSamples);
    m_diskGraph->setSamples(
        sumOf(samplesOf(m_statistics.diskRead), samplesOf(m_statistics.diskWrite)),
        StatsHistory::MaximumSamples);
    m_netGraph->setSamples(sumOf(samplesOf(m_statistics.netRx), samplesOf(m_statistics.netTx)),
                           StatsHistory::MaximumSamples);
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
