// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_SNAPSHOTSTAB_H
#define QTVIRT_EXAMPLES_QTMANAGER_SNAPSHOTSTAB_H

#include <QtVirt/QVirtDomainRef>

#include <QtCore/QFuture>
#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QVirtConnection;

// The details window's list of a domain's snapshots, with buttons that
// take a new one, revert the domain to the selected one and delete it.
// Each operation runs asynchronously (QVirtConnection's snapshot calls);
// while it runs the buttons are disabled and the status line says what
// the tab waits for, and then what failed, in libvirt's words. Revert and
// Delete ask first: both lose something that cannot be brought back.
class SnapshotsTab : public QWidget
{
    Q_OBJECT

public:
    SnapshotsTab(QVirtConnection *connection, const QVirtDomainRef &domain,
                 QWidget *parent = nullptr);

    // Reads the list again.
    void refresh();
    // The snapshots' names as listed, the current one's name, and what the
    // status line says.
    QStringList names() const;
    QString currentName() const;
    QString status() const;
    bool isBusy() const { return m_busy; }

private:
    QString selectedName() const;
    void takeSnapshot();
    void askToRevert();
    void askToDelete();
    // Runs operation, with busy shown as the status until it finished,
    // then lists the snapshots again or shows failure with libvirt's
    // message.
    void run(const QString &busy, const QString &failure, const QFuture<void> &operation);
    void setBusy(bool busy);
    void updateButtons();

    QPointer<QVirtConnection> m_connection;
    const QVirtDomainRef m_domain;
    QTreeWidget *m_list;
    QLineEdit *m_name;
    QPushButton *m_take;
    QPushButton *m_revert;
    QPushButton *m_delete;
    QLabel *m_status;
    bool m_busy = false;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_SNAPSHOTSTAB_H
