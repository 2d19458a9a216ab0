// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_MANAGERWINDOW_H
#define QTVIRT_EXAMPLES_QTMANAGER_MANAGERWINDOW_H

#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtWidgets/QMainWindow>

class ConnectionListModel;
class DetailsWindow;
class DomainActions;
class DomainTableProxy;
class QLineEdit;
class QListView;
class QSettings;
class QTableView;
class QVirtConnection;
class QVirtDomainModel;
class StatsHistory;
class VolumesWindow;

// The manager's main window: the connections on the left, the domains of
// all of them in a table on the right, the domain actions in the toolbar
// and the Domain menu, and what happened in the status bar. The
// connections the user adds with "remember" are kept in settings.
//
// Each further view of a domain (details, console, display) is a window
// or tab of its own, opened from here, as is the storage window of a
// connection (its pools and volumes).
class ManagerWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Statistics interval for the CPU and memory columns, in ms.
    static constexpr int StatsIntervalMs = 2000;

    explicit ManagerWindow(QSettings *settings, QWidget *parent = nullptr);
    ~ManagerWindow() override;

    ConnectionListModel *connections() const { return m_connections; }
    QVirtDomainModel *domainModel() const { return m_domains; }
    DomainTableProxy *domainProxy() const { return m_proxy; }
    DomainActions *domainActions() const { return m_actions; }
    QAction *detailsAction() const { return m_openDetails; }
    QAction *newDomainAction() const { return m_newDomain; }
    QAction *volumesAction() const { return m_openVolumes; }

    // Shows the details window of the domain of proxyIndex (of
    // domainProxy()), opened on first use and raised afterwards; null
    // when its connection is gone.
    DetailsWindow *openDetails(const QModelIndex &proxyIndex);
    // Shows the storage window of the connection selected in the list,
    // opened on first use and raised afterwards; null when none is.
    VolumesWindow *openVolumes();

private:
    void buildMenusAndToolBar();
    void addConnectionFromDialog();
    void removeSelectedConnection();
    void newDomainFromXml();
    void showAbout();
    void updateDetailsEnabled();

    QSettings *const m_settings;
    ConnectionListModel *m_connections;
    QVirtDomainModel *m_domains;
    DomainTableProxy *m_proxy;
    QListView *m_connectionView;
    QLineEdit *m_filter;
    QTableView *m_domainView;
    DomainActions *m_actions;
    QAction *m_openDetails = nullptr;
    QAction *m_newDomain = nullptr;
    QAction *m_openVolumes = nullptr;
    // The samples of each statistics role, for the table's sparklines and
    // the details windows' graphs.
    StatsHistory *m_cpuHistory;
    StatsHistory *m_memoryHistory;
    StatsHistory *m_diskReadHistory;
    StatsHistory *m_diskWriteHistory;
    StatsHistory *m_netRxHistory;
    StatsHistory *m_netTxHistory;
    // By UUID: one window per domain.
    QHash<QString, QPointer<DetailsWindow>> m_details;
    // One storage window per connection.
    QHash<const QVirtConnection *, QPointer<VolumesWindow>> m_volumes;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_MANAGERWINDOW_H
