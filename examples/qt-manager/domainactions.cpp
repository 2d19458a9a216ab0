// SPDX-License-Identifier: LGPL-2.1-or-later
#include "domainactions.h"

#include "domaintableproxy.h"
#include "stateicons.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>
#include <QtVirt/QVirtError>

#include <QtCore/QFutureWatcher>
#include <QtCore/QPointer>
#include <QtGui/QAction>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStyle>
#include <QtWidgets/QTableView>

#include <algorithm>

DomainActions::DomainActions(QVirtDomainModel *model, DomainTableProxy *proxy, QTableView *view,
                             QWidget *dialogParent)
    : QObject(dialogParent)
    , m_model(model)
    , m_proxy(proxy)
    , m_view(view)
    , m_dialogParent(dialogParent)
{
    // No platform has standard keys for these; Ctrl plus a letter of the
    // verb, Shift where the action cannot be undone.
    m_start = makeAction(tr("&Start"), "actionStart", "media-playback-start", QStyle::SP_MediaPlay,
                         QKeySequence(tr("Ctrl+R", "Start")));
    m_shutdown = makeAction(tr("Shut &Down"), "actionShutdown", "system-shutdown",
                            QStyle::SP_MediaStop, QKeySequence(tr("Ctrl+D", "Shut Down")));
    m_reboot = makeAction(tr("Re&boot"), "actionReboot", "system-reboot", QStyle::SP_BrowserReload,
                          QKeySequence(tr("Ctrl+B", "Reboot")));
    m_forceOff = makeAction(tr("&Force Off"), "actionForceOff", "process-stop",
                            QStyle::SP_BrowserStop, QKeySequence(tr("Ctrl+Shift+D", "Force Off")));
    m_pause = makeAction(tr("&Pause"), "actionPause", "media-playback-pause", QStyle::SP_MediaPause,
                         QKeySequence(Qt::Key_Pause));
    m_resume = makeAction(tr("Res&ume"), "actionResume", "media-playback-start",
                          QStyle::SP_MediaSeekForward, QKeySequence(Qt::SHIFT | Qt::Key_Pause));
    m_save = makeAction(tr("Sa&ve"), "actionSave", "document-save", QStyle::SP_DialogSaveButton,
                        QKeySequence(tr("Ctrl+Shift+S", "Save")));
    m_remove = makeAction(tr("De&lete…"), "actionDelete", "edit-delete", QStyle::SP_TrashIcon,
                          QKeySequence::Delete);
    // The toolbar shows the less frequent ones as icons only (with their
    // text as a tooltip), so that all of them fit beside each other.
    for (QAction *rare : {m_reboot, m_forceOff, m_resume, m_save})
        rare->setPriority(QAction::LowPriority);
    // Delete is also the key that deletes text in the filter box: the
    // action takes it only while the table has the focus.
    m_remove->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_remove);

    connect(m_start, &QAction::triggered, this, [this] {
        run(tr("Starting…"), tr("Started %1"), tr("Cannot start %1: %2"),
            [](QVirtConnection *c, const QVirtDomainRef &d) { return c->startDomain(d); });
    });
    connect(m_shutdown, &QAction::triggered, this, [this] {
        run(tr("Shutting down…"), tr("Asked %1 to shut down"), tr("Cannot shut down %1: %2"),
            [](QVirtConnection *c, const QVirtDomainRef &d) { return c->shutdownDomain(d); });
    });
    connect(m_reboot, &QAction::triggered, this, [this] {
        run(tr("Rebooting…"), tr("Asked %1 to reboot"), tr("Cannot reboot %1: %2"),
            [](QVirtConnection *c, const QVirtDomainRef &d) { return c->rebootDomain(d); });
    });
    connect(m_forceOff, &QAction::triggered, this, [this] {
        run(tr("Forcing off…"), tr("Forced %1 off"), tr("Cannot force %1 off: %2"),
            [](QVirtConnection *c, const QVirtDomainRef &d) { return c->destroyDomain(d); });
    });
    connect(m_pause, &QAction::triggered, this, [this] {
        run(tr("Pausing…"), tr("Paused %1"), tr("Cannot pause %1: %2"),
            [](QVirtConnection *c, const QVirtDomainRef &d) { return c->suspendDomain(d); });
    });
    connect(m_resume, &QAction::triggered, this, [this] {
        run(tr("Resuming…"), tr("Resumed %1"), tr("Cannot resume %1: %2"),
            [](QVirtConnection *c, const QVirtDomainRef &d) { return c->resumeDomain(d); });
    });
    // libvirt keeps the memory in its own file, and the next Start restores
    // it: no file name to ask for, and nothing to forget.
    connect(m_save, &QAction::triggered, this, [this] {
        run(tr("Saving…"), tr("Saved %1; Start restores it"), tr("Cannot save %1: %2"),
            [](QVirtConnection *c, const QVirtDomainRef &d) { return c->managedSaveDomain(d); });
    });
    connect(m_remove, &QAction::triggered, this, &DomainActions::confirmRemove);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DomainActions::updateEnabled);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &DomainActions::updateEnabled);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &DomainActions::updateEnabled);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DomainActions::updateEnabled);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &DomainActions::updateEnabled);
    updateEnabled();
}

QList<QAction *> DomainActions::all() const
{
    return {m_start, m_shutdown, m_reboot, m_forceOff, m_pause, m_resume, m_save, m_remove};
}

QAction *DomainActions::makeAction(const QString &text, const char *objectName,
                                   const char *iconName, int fallbackIcon,
                                   const QKeySequence &shortcut)
{
    auto *action = new QAction(StateIcons::themed(iconName, fallbackIcon), text, this);
    action->setObjectName(QString::fromLatin1(objectName));
    action->setShortcut(shortcut);
    return action;
}

DomainActions::Selected DomainActions::selected() const
{
    Selected result;
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return result;
    const QString uri = current.data(QVirtDomainModel::UriRole).toString();
    const QList<QVirtConnection *> connections = m_model->connections();
    for (QVirtConnection *connection : connections) {
        if (connection->uri() == uri)
            result.connection = connection;
    }
    result.domain = QVirtDomainRef(current.data(QVirtDomainModel::NameRole).toString(),
                                   QUuid(current.data(QVirtDomainModel::UuidRole).toString()),
                                   current.data(QVirtDomainModel::DomainIdRole).toInt());
    result.state = current.data(QVirtDomainModel::StateRole).toInt();
    result.persistent = current.data(QVirtDomainModel::PersistentRole).toBool();
    return result;
}

void DomainActions::updateEnabled()
{
    const Selected target = selected();
    const bool usable = target.connection && target.connection->isOpen()
        && !m_proxy->isBusy(target.domain.uuidString());
    const auto in = [&](std::initializer_list<QVirtDomainModel::State> states) {
        return usable && std::find(states.begin(), states.end(), target.state) != states.end();
    };
    m_start->setEnabled(in({QVirtDomainModel::ShutOff, QVirtDomainModel::Crashed}));
    m_shutdown->setEnabled(in({QVirtDomainModel::Running, QVirtDomainModel::Blocked}));
    m_reboot->setEnabled(in({QVirtDomainModel::Running, QVirtDomainModel::Blocked}));
    m_forceOff->setEnabled(in({QVirtDomainModel::Running, QVirtDomainModel::Blocked,
                               QVirtDomainModel::Paused, QVirtDomainModel::ShuttingDown,
                               QVirtDomainModel::Crashed, QVirtDomainModel::PMSuspended}));
    m_pause->setEnabled(in({QVirtDomainModel::Running, QVirtDomainModel::Blocked}));
    m_resume->setEnabled(in({QVirtDomainModel::Paused}));
    // A managed save image belongs to a persistent domain's configuration.
    m_save->setEnabled(
        target.persistent
        && in({QVirtDomainModel::Running, QVirtDomainModel::Blocked, QVirtDomainModel::Paused}));
    m_remove->setEnabled(usable && target.persistent);
}

void DomainActions::run(const QString &busyText, const QString &doneText, const QString &failedText,
                        QFuture<void> (*operation)(QVirtConnection *, const QVirtDomainRef &))
{
    const Selected target = selected();
    if (!target.connection)
        return;
    track(target, busyText, doneText, failedText, operation(target.connection, target.domain));
}

void DomainActions::track(const Selected &target, const QString &busyText, const QString &doneText,
                          const QString &failedText, const QFuture<void> &future)
{
    const QString uuid = target.domain.uuidString();
    const QString name = target.domain.name();
    m_proxy->setBusy(uuid, busyText);
    updateEnabled();
    // A watcher rather than then(): it reports a canceled operation (its
    // connection was removed) as finished too, so that no row stays busy.
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, uuid, name, doneText, failedText] {
                watcher->deleteLater();
                m_proxy->setBusy(uuid, QString());
                updateEnabled();
                QFuture<void> done = watcher->future();
                // A failed future counts as canceled too: look for the
                // error first.
                try {
                    done.waitForFinished();
                } catch (const QVirtError &error) {
                    Q_EMIT failed(failedText.arg(name, error.message()));
                    return;
                }
                if (!done.isCanceled())
                    Q_EMIT succeeded(doneText.arg(name));
            });
    watcher->setFuture(future);
}

void DomainActions::confirmRemove()
{
    const Selected target = selected();
    if (!target.connection || !target.persistent)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Domain"),
                                tr("Delete the domain \"%1\"? Its configuration is removed; "
                                   "its disk images are kept.")
                                    .arg(target.domain.name()),
                                QMessageBox::Yes | QMessageBox::Cancel, m_dialogParent);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    if (target.state != QVirtDomainModel::ShutOff)
        box->setInformativeText(tr("It goes on running until it stops, and then it is gone."));
    auto *extras = new QCheckBox(tr("Also remove its managed save image and snapshot metadata"));
    extras->setChecked(true);
    box->setCheckBox(extras);
    // The connection may be removed while the question is open.
    const QPointer<QVirtConnection> connection = target.connection;
    connect(box, &QMessageBox::finished, this, [this, connection, target, extras](int result) {
        if (result != QMessageBox::Yes || !connection)
            return;
        QVirtConnection::UndefineFlags flags;
        if (extras->isChecked())
            flags = QVirtConnection::UndefineFlag::ManagedSave
                | QVirtConnection::UndefineFlag::SnapshotsMetadata;
        track(target, tr("Deleting…"), tr("Deleted %1"), tr("Cannot delete %1: %2"),
              connection->undefineDomain(target.domain, flags));
    });
    box->open();
}
