// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_DOMAINACTIONS_H
#define QTVIRT_EXAMPLES_QTMANAGER_DOMAINACTIONS_H

#include <QtVirt/QVirtDomainRef>

#include <QtCore/QFuture>
#include <QtCore/QObject>

class DomainTableProxy;
class QAction;
class QTableView;
class QVirtConnection;
class QVirtDomainModel;
class QWidget;

// The actions on the domain selected in the table: start, shutdown,
// reboot, force off, pause, resume, save (libvirt's managed save: the
// next start restores it) and delete. Each runs asynchronously
// (a QFuture of QVirtConnection); its row is busy meanwhile, and a failure
// is reported by failed(). Each action is enabled only when the selected
// domain's state allows it and no action on it is under way.
class DomainActions : public QObject
{
    Q_OBJECT

public:
    DomainActions(QVirtDomainModel *model, DomainTableProxy *proxy, QTableView *view,
                  QWidget *dialogParent);

    QAction *start() const { return m_start; }
    QAction *shutdown() const { return m_shutdown; }
    QAction *reboot() const { return m_reboot; }
    QAction *forceOff() const { return m_forceOff; }
    QAction *pause() const { return m_pause; }
    QAction *resume() const { return m_resume; }
    QAction *save() const { return m_save; }
    QAction *remove() const { return m_remove; }
    QList<QAction *> all() const;

Q_SIGNALS:
    void failed(const QString &message);
    void succeeded(const QString &message);

private:
    struct Selected
    {
        QVirtConnection *connection = nullptr;
        QVirtDomainRef domain;
        int state = -1;
        bool persistent = false;
    };

    QAction *makeAction(const QString &text, const char *objectName, const char *iconName,
                        int fallbackIcon, const QKeySequence &shortcut);
    Selected selected() const;
    void updateEnabled();
    // Runs operation on the selected domain; busyText names it on the row,
    // doneText and failedText (with %1 the domain, %2 the error) report it.
    void run(const QString &busyText, const QString &doneText, const QString &failedText,
             QFuture<void> (*operation)(QVirtConnection *, const QVirtDomainRef &));
    void track(const Selected &target, const QString &busyText, const QString &doneText,
               const QString &failedText, const QFuture<void> &future);
    void confirmRemove();

    QVirtDomainModel *const m_model;
    DomainTableProxy *const m_proxy;
    QTableView *const m_view;
    QWidget *const m_dialogParent;
    QAction *m_start;
    QAction *m_shutdown;
    QAction *m_reboot;
    QAction *m_forceOff;
    QAction *m_pause;
    QAction *m_resume;
    QAction *m_save;
    QAction *m_remove;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_DOMAINACTIONS_H
