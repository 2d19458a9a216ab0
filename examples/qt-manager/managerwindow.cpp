// SPDX-License-Identifier: LGPL-2.1-or-later
#include "managerwindow.h"

#include "connectiondialog.h"
#include "connectionlistmodel.h"
#include "credentialsdialog.h"
#include "detailswindow.h"
#include "domainactions.h"
#include "domaintableproxy.h"
#include "newdomaindialog.h"
#include "sparklinedelegate.h"
#include "stateicons.h"
#include "statshistory.h"
#include "volumeswindow.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>

#include <QtCore/QSettings>
#include <QtGui/QAction>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListView>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QStyle>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString SplitterKey = QStringLiteral("window/splitter");

} // namespace

ManagerWindow::ManagerWindow(QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_connections(new ConnectionListModel(settings, this))
    , m_domains(new QVirtDomainModel(this))
    , m_proxy(new DomainTableProxy(this))
    , m_connectionView(new QListView)
    , m_filter(new QLineEdit)
    , m_domainView(new QTableView)
{
    setWindowTitle(tr("QtVirt Manager"));
    setWindowIcon(StateIcons::themed("computer", QStyle::SP_ComputerIcon));

    m_domains->setStatsInterval(StatsIntervalMs);
    m_proxy->setSourceModel(m_domains);
    connect(m_connections, &ConnectionListModel::connectionAdded, this,
            [this](QVirtConnection *connection) {
                m_domains->addConnection(connection);
                CredentialsDialog::askFor(connection, this);
            });
    connect(m_connections, &ConnectionListModel::connectionAboutToBeRemoved, m_domains,
            &QVirtDomainModel::removeConnection);
    // A host whose domains cannot be listed or measured says so; actions
    // report through DomainActions.
    connect(m_domains, &QVirtDomainModel::errorOccurred, statusBar(),
            [this](QVirtDomainModel::Error error) {
                if (error != QVirtDomainModel::ActionError)
                    statusBar()->showMessage(m_domains->errorString());
            });
    // Its storage window goes first, stopping a transfer it runs.
    connect(m_connections, &ConnectionListModel::connectionAboutToBeRemoved, this,
            [this](QVirtConnection *connection) { delete m_volumes.take(connection); });
    connect(m_connections, &ConnectionListModel::problemReported, statusBar(),
            [this](const QString &message) { statusBar()->showMessage(message); });

    m_connectionView->setObjectName(QStringLiteral("connectionList"));
    m_connectionView->setModel(m_connections);
    m_connectionView->setWordWrap(true);
    m_connectionView->setAlternatingRowColors(true);

    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter domains"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_domainView->setObjectName(QStringLiteral("domainTable"));
    m_domainView->setModel(m_proxy);
    m_domainView->setSortingEnabled(true);
    m_domainView->sortByColumn(QVirtDomainModel::NameColumn, Qt::AscendingOrder);
    m_domainView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_domainView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_domainView->setAlternatingRowColors(true);
    m_domainView->verticalHeader()->hide();
    m_domainView->horizontalHeader()->setStretchLastSection(true);
    m_domainView->setColumnWidth(QVirtDomainModel::NameColumn, 200);
    m_domainView->setColumnWidth(QVirtDomainModel::StateColumn, 130);
    m_domainView->setColumnWidth(QVirtDomainModel::CpuColumn, 100);
    m_domainView->setColumnWidth(QVirtDomainModel::MemoryColumn, 100);
    m_domainView->setColumnWidth(QVirtDomainModel::VcpusColumn, 60);
    m_cpuHistory = new StatsHistory(m_domains, QVirtDomainModel::CpuPercentRole, this);
    m_memoryHistory = new StatsHistory(m_domains, QVirtDomainModel::MemoryUsedRole, this);
    m_diskReadHistory = new StatsHistory(m_domains, QVirtDomainModel::DiskReadRateRole, this);
    m_diskWriteHistory = new StatsHistory(m_domains, QVirtDomainModel::DiskWriteRateRole, this);
    m_netRxHistory = new StatsHistory(m_domains, QVirtDomainModel::NetRxRateRole, this);
    m_netTxHistory = new StatsHistory(m_domains, QVirtDomainModel::NetTxRateRole, this);
    m_domainView->setItemDelegateForColumn(QVirtDomainModel::CpuColumn,
                                           new SparklineDelegate(m_cpuHistory, 100, -1, this));
    m_domainView->setItemDelegateForColumn(
        QVirtDomainModel::MemoryColumn,
        new SparklineDelegate(m_memoryHistory, 0, QVirtDomainModel::MemoryRole, this));

    m_actions = new DomainActions(m_domains, m_proxy, m_domainView, this);
    connect(m_actions, &DomainActions::failed, statusBar(),
            [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_actions, &DomainActions::succeeded, statusBar(),
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });

    auto *domainPane = new QWidget;
    auto *domainLayout = new QVBoxLayout(domainPane);
    domainLayout->setContentsMargins(0, 0, 0, 0);
    domainLayout->addWidget(m_filter);
    domainLayout->addWidget(m_domainView);

    auto *splitter = new QSplitter;
    splitter->setObjectName(QStringLiteral("splitter"));
    splitter->addWidget(m_connectionView);
    splitter->addWidget(domainPane);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 700});
    setCentralWidget(splitter);

    buildMenusAndToolBar();
    statusBar()->showMessage(tr("Ready"));

    resize(1000, 560);
    restoreGeometry(m_settings->value(GeometryKey).toByteArray());
    splitter->restoreState(m_settings->value(SplitterKey).toByteArray());
}

ManagerWindow::~ManagerWindow()
{
    // The children destroyed after this destructor (the model removing its
    // rows, the view's selection) still signal: not to this object's slots
    // any more.
    disconnect(m_proxy, nullptr, this, nullptr);
    disconnect(m_domainView->selectionModel(), nullptr, this, nullptr);
    disconnect(m_domainView, nullptr, this, nullptr);
    m_settings->setValue(GeometryKey, saveGeometry());
    m_settings->setValue(SplitterKey,
                         findChild<QSplitter *>(QStringLiteral("splitter"))->saveState());
}

void ManagerWindow::buildMenusAndToolBar()
{
    m_openDetails
        = new QAction(StateIcons::themed("document-properties", QStyle::SP_FileDialogInfoView),
                      tr("Open &Details"), this);
    m_openDetails->setObjectName(QStringLiteral("actionDetails"));
    m_openDetails->setShortcut(QKeySequence(tr("Ctrl+I", "Open Details")));
    connect(m_openDetails, &QAction::triggered, this,
            [this] { openDetails(m_domainView->selectionModel()->currentIndex()); });
    // Double-click or Enter on a row (the platform's activation).
    connect(m_domainView, &QAbstractItemView::activated, this, &ManagerWindow::openDetails);
    connect(m_domainView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ManagerWindow::updateDetailsEnabled);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ManagerWindow::updateDetailsEnabled);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ManagerWindow::updateDetailsEnabled);
    updateDetailsEnabled();

    auto *addConnection
        = new QAction(StateIcons::themed("list-add", QStyle::SP_FileDialogNewFolder),
                      tr("&Add Connection…"), this);
    addConnection->setObjectName(QStringLiteral("actionAddConnection"));
    addConnection->setShortcut(QKeySequence::New);
    connect(addConnection, &QAction::triggered, this, &ManagerWindow::addConnectionFromDialog);

    auto *removeConnection
        = new QAction(StateIcons::themed("list-remove", QStyle::SP_DialogDiscardButton),
                      tr("&Remove Connection"), this);
    removeConnection->setObjectName(QStringLiteral("actionRemoveConnection"));
    connect(removeConnection, &QAction::triggered, this, &ManagerWindow::removeSelectedConnection);
    m_openVolumes = new QAction(StateIcons::themed("drive-harddisk", QStyle::SP_DriveHDIcon),
                                tr("Storage &Volumes…"), this);
    m_openVolumes->setObjectName(QStringLiteral("actionVolumes"));
    m_openVolumes->setShortcut(QKeySequence(tr("Ctrl+Shift+V", "Storage Volumes")));
    connect(m_openVolumes, &QAction::triggered, this, &ManagerWindow::openVolumes);
    const auto updateConnectionActions = [this, removeConnection] {
        const bool selected = m_connectionView->selectionModel()->hasSelection();
        removeConnection->setEnabled(selected);
        m_openVolumes->setEnabled(selected);
    };
    connect(m_connectionView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            updateConnectionActions);
    updateConnectionActions();

    m_newDomain = new QAction(StateIcons::themed("document-new", QStyle::SP_FileIcon),
                              tr("&New from XML…"), this);
    m_newDomain->setObjectName(QStringLiteral("actionNewDomain"));
    m_newDomain->setShortcut(QKeySequence(tr("Ctrl+Shift+N", "New from XML")));
    connect(m_newDomain, &QAction::triggered, this, &ManagerWindow::newDomainFromXml);

    auto *quit = new QAction(StateIcons::themed("application-exit", QStyle::SP_DialogCloseButton),
                             tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *find = new QAction(tr("&Find Domain"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(addConnection);
    file->addAction(removeConnection);
    file->addAction(m_openVolumes);
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(find);

    QMenu *domain = menuBar()->addMenu(tr("&Domain"));
    domain->addAction(m_openDetails);
    domain->addAction(m_newDomain);
    domain->addSeparator();
    domain->addActions(m_actions->all());
    domain->insertSeparator(m_actions->remove());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About QtVirt Manager"), this, &ManagerWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(addConnection);
    toolBar->addSeparator();
    toolBar->addAction(m_newDomain);
    toolBar->addAction(m_openDetails);
    toolBar->addActions(m_actions->all());
    toolBar->insertSeparator(m_actions->remove());

    // The connection's own actions in the list's context menu.
    m_connectionView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_connectionView->addAction(m_openVolumes);
    m_connectionView->addAction(removeConnection);

    // The domain actions in the table's context menu as well.
    m_domainView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_domainView->addAction(m_openDetails);
    m_domainView->addActions(m_actions->all());
}

void ManagerWindow::updateDetailsEnabled()
{
    m_openDetails->setEnabled(m_domainView->selectionModel()->currentIndex().isValid());
}

DetailsWindow *ManagerWindow::openDetails(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return nullptr;
    const QString uuid = proxyIndex.data(QVirtDomainModel::UuidRole).toString();
    DetailsWindow *window = m_details.value(uuid);
    if (!window) {
        const QString uri = proxyIndex.data(QVirtDomainModel::UriRole).toString();
        const QList<QVirtConnection *> connections = m_domains->connections();
        const auto found = std::find_if(
            connections.begin(), connections.end(),
            [&uri](const QVirtConnection *connection) { return connection->uri() == uri; });
        if (found == connections.end())
            return nullptr;
        const QVirtDomainRef domain(proxyIndex.data(QVirtDomainModel::NameRole).toString(),
                                    QUuid(uuid));
        // A child window: it closes with the main window.
        DetailsWindow::Statistics statistics;
        statistics.model = m_domains;
        statistics.cpu = m_cpuHistory;
        statistics.memory = m_memoryHistory;
        statistics.diskRead = m_diskReadHistory;
        statistics.diskWrite = m_diskWriteHistory;
        statistics.netRx = m_netRxHistory;
        statistics.netTx = m_netTxHistory;
        window = new DetailsWindow(*found, domain, statistics, this);
        m_details.insert(uuid, window);
    }
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

VolumesWindow *ManagerWindow::openVolumes()
{
    const QModelIndexList selected = m_connectionView->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return nullptr;
    QVirtConnection *connection = m_connections->connectionAt(selected.constFirst().row());
    if (!connection)
        return nullptr;
    VolumesWindow *window = m_volumes.value(connection);
    if (!window) {
        // A child window: it goes with the main window, and with its
        // connection (ManagerWindow's constructor).
        window = new VolumesWindow(connection, this);
        m_volumes.insert(connection, window);
    }
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

void ManagerWindow::addConnectionFromDialog()
{
    auto *dialog = new ConnectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_connections->addConnection(dialog->uri(), dialog->remember()); });
    dialog->open();
}

void ManagerWindow::newDomainFromXml()
{
    auto *dialog = new NewDomainDialog(m_domains->connections(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewDomainDialog::succeeded, statusBar(),
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    dialog->open();
}

void ManagerWindow::removeSelectedConnection()
{
    const QModelIndexList selected = m_connectionView->selectionModel()->selectedIndexes();
    if (!selected.isEmpty())
        m_connections->removeConnection(selected.constFirst().row());
}

void ManagerWindow::showAbout()
{
    QMessageBox::about(this, tr("About QtVirt Manager"),
                       tr("A virtual machine manager built on QtVirt: libvirt's events "
                          "arrive in the Qt event loop, with no polling thread."));
}
