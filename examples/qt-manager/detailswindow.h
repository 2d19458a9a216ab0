// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_DETAILSWINDOW_H
#define QTVIRT_EXAMPLES_QTMANAGER_DETAILSWINDOW_H

#include <QtVirt/QVirtDomainRef>

#include <QtCore/QElapsedTimer>
#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

#include <memory>

class EventsTab;
class HistoryGraph;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QVirtConnection;
class QVirtDomainModel;
class QVirtStream;
class SnapshotsTab;
class StatsHistory;
class TerminalWidget;
class VncView;

// The window of one domain: its serial console in a terminal, its screen
// through its VNC server, an overview (the model's fields and graphs of
// its statistics over the last minutes), its XML, its snapshots and its
// events. Everything it asks the daemon runs
// asynchronously (QFutures of QVirtConnection); each tab says what it
// waits for or why it has nothing to show.
class DetailsWindow : public QWidget
{
    Q_OBJECT

public:
    // Where the overview's figures come from: the main window's model and
    // the histories it keeps of each statistics role.
    struct Statistics
    {
        QVirtDomainModel *model = nullptr;
        StatsHistory *cpu = nullptr;
        StatsHistory *memory = nullptr;
        StatsHistory *diskRead = nullptr;
        StatsHistory *diskWrite = nullptr;
        StatsHistory *netRx = nullptr;
        StatsHistory *netTx = nullptr;
    };

    DetailsWindow(QVirtConnection *connection, const QVirtDomainRef &domain,
                  const Statistics &statistics, QWidget *parent = nullptr);
    ~DetailsWindow() override;

    QVirtDomainRef domain() const { return m_domain; }
    QTabWidget *tabs() const { return m_tabs; }
    TerminalWidget *terminal() const { return m_terminal; }
    VncView *vncView() const { return m_vncView; }
    SnapshotsTab *snapshots() const { return m_snapshots; }
    EventsTab *events() const { return m_events; }
    // What the console and the display tabs say about their state.
    QString consoleStatus() const;
    QString displayStatus() const;

    // (Re)connects the console, taking it over from another client.
    void connectConsole();
    // (Re)connects the display.
    void connectDisplay();
    void loadXml();

private:
    QWidget *makeConsoleTab();
    QWidget *makeDisplayTab();
    QWidget *makeOverviewTab();
    QWidget *makeXmlTab();
    void refreshOverview();
    void consoleEnded(const QString &reason);
    void showDisplayMessage(const QString &message);
    void displayEnded(const QString &reason);

    QPointer<QVirtConnection> m_connection;
    const QVirtDomainRef m_domain;
    QTabWidget *m_tabs;
    TerminalWidget *m_terminal = nullptr;
    QLabel *m_consoleStatus = nullptr;
    QPushButton *m_consoleReconnect = nullptr;
    std::unique_ptr<QVirtStream> m_console;
    VncView *m_vncView = nullptr;
    QStackedWidget *m_displayStack = nullptr;
    QLabel *m_displayMessage = nullptr;
    QPushButton *m_displayReconnect = nullptr;
    // Since when the display's session runs, and how often in a row it
    // ended early and was reconnected automatically.
    QElapsedTimer m_displaySince;
    int m_displayRetries = 0;
    QPlainTextEdit *m_xml = nullptr;
    SnapshotsTab *m_snapshots = nullptr;
    EventsTab *m_events = nullptr;
    const Statistics m_statistics;
    QFormLayout *m_fields = nullptr;
    QList<QLabel *> m_fieldValues;
    HistoryGraph *m_cpuGraph = nullptr;
    HistoryGraph *m_memoryGraph = nullptr;
    HistoryGraph *m_diskGraph = nullptr;
    HistoryGraph *m_netGraph = nullptr;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_DETAILSWINDOW_H
