// SPDX-License-Identifier: LGPL-2.1-or-later
#include "snapshotstab.h"

#include "whenfinished.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtSnapshotInfo>

#include <QtCore/QLocale>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

namespace {

enum Column { NameColumn, CreatedColumn, ParentColumn, CurrentColumn };

// A snapshot's description for virDomainSnapshotCreateXML(): only its
// name, or nothing, and libvirt chooses one (the time, in seconds).
QString snapshotXml(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("<domainsnapshot/>");
    return QStringLiteral("<domainsnapshot><name>%1</name></domainsnapshot>")
        .arg(name.toHtmlEscaped());
}

} // namespace

SnapshotsTab::SnapshotsTab(QVirtConnection *connection, const QVirtDomainRef &domain,
                           QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_domain(domain)
    , m_list(new QTreeWidget)
    , m_name(new QLineEdit)
    , m_take(new QPushButton(QIcon::fromTheme(QStringLiteral("document-new")), tr("&Take")))
    , m_revert(
          new QPushButton(QIcon::fromTheme(QStringLiteral("document-revert")), tr("Re&vert To")))
    , m_delete(new QPushButton(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("De&lete")))
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("snapshotsTab"));
    m_list->setObjectName(QStringLiteral("snapshotList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("Taken"), tr("Parent"), tr("Current")});
    // Names take the room that is left; the rest is as wide as it needs.
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_name->setObjectName(QStringLiteral("snapshotName"));
    m_name->setPlaceholderText(tr("Name of a new snapshot (optional)"));
    m_take->setObjectName(QStringLiteral("snapshotTake"));
    m_revert->setObjectName(QStringLiteral("snapshotRevert"));
    m_delete->setObjectName(QStringLiteral("snapshotDelete"));
    m_status->setObjectName(QStringLiteral("snapshotStatus"));
    m_status->setWordWrap(true);

    connect(m_take, &QPushButton::clicked, this, &SnapshotsTab::takeSnapshot);
    connect(m_name, &QLineEdit::returnPressed, this, &SnapshotsTab::takeSnapshot);
    connect(m_revert, &QPushButton::clicked, this, &SnapshotsTab::askToRevert);
    connect(m_delete, &QPushButton::clicked, this, &SnapshotsTab::askToDelete);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &SnapshotsTab::updateButtons);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_name, 1);
    bar->addWidget(m_take);
    bar->addWidget(m_revert);
    bar->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    refresh();
}

QStringList SnapshotsTab::names() const
{
    QStringList names;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        names.append(m_list->topLevelItem(i)->text(NameColumn));
    return names;
}

QString SnapshotsTab::currentName() const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (!item->text(CurrentColumn).isEmpty())
            return item->text(NameColumn);
    }
    return QString();
}

QString SnapshotsTab::status() const
{
    return m_status->text();
}

QString SnapshotsTab::selectedName() const
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    return selected.isEmpty() ? QString() : selected.constFirst()->text(NameColumn);
}

void SnapshotsTab::refresh()
{
    if (!m_connection)
        return;
    setBusy(true);
    m_status->setText(tr("Reading the snapshots…"));
    whenFinished(
        this, m_connection->listDomainSnapshots(m_domain),
        [this](const QList<QVirtSnapshotInfo> &snapshots) {
            const QString selected = selectedName();
            m_list->clear();
            for (const QVirtSnapshotInfo &snapshot : snapshots) {
                auto *item = new QTreeWidgetItem(m_list);
                item->setText(NameColumn, snapshot.name());
                item->setText(CreatedColumn,
                              QLocale().toString(snapshot.creationTime().toLocalTime(),
                                                 QLocale::ShortFormat));
                item->setText(ParentColumn, snapshot.parent());
                if (snapshot.isCurrent()) {
                    item->setText(CurrentColumn, tr("current"));
                    QFont font = item->font(NameColumn);
                    font.setBold(true);
                    item->setFont(NameColumn, font);
                }
                item->setSelected(snapshot.name() == selected);
            }
            m_status->setText(tr("%n snapshot(s)", nullptr, int(snapshots.size())));
            setBusy(false);
        },
        [this](const QString &error) {
            m_status->setText(tr("Cannot read the snapshots: %1").arg(error));
            setBusy(false);
        },
        [](const QList<QVirtSnapshotInfo> &) {});
}

void SnapshotsTab::takeSnapshot()
{
    if (!m_connection || m_busy)
        return;
    const QString name = m_name->text().trimmed();
    setBusy(true);
    m_status->setText(tr("Taking a snapshot…"));
    whenFinished(
        this, m_connection->createDomainSnapshot(m_domain, snapshotXml(name)),
        [this](const QString &) {
            m_name->clear();
            refresh();
        },
        [this](const QString &error) {
            m_status->setText(tr("Cannot take a snapshot: %1").arg(error));
            setBusy(false);
        },
        [](const QString &) {});
}

void SnapshotsTab::askToRevert()
{
    const QString name = selectedName();
    if (!m_connection || m_busy || name.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Revert to Snapshot"),
                                tr("Revert \"%1\" to its snapshot \"%2\"? Its state since then "
                                   "is lost.")
                                    .arg(m_domain.name(), name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("snapshotRevertConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, name](int result) {
        if (result != QMessageBox::Yes || !m_connection)
            return;
        run(tr("Reverting to %1…").arg(name), tr("Cannot revert to %1: %2").arg(name),
            m_connection->revertDomainSnapshot(m_domain, name));
    });
    box->open();
}

void SnapshotsTab::askToDelete()
{
    const QString name = selectedName();
    if (!m_connection || m_busy || name.isEmpty())
        return;
    auto *box
        = new QMessageBox(QMessageBox::Warning, tr("Delete Snapshot"),
                          tr("Delete the snapshot \"%1\" of \"%2\"?").arg(name, m_domain.name()),
                          QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("snapshotDeleteConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, name](int result) {
        if (result != QMessageBox::Yes || !m_connection)
            return;
        run(tr("Deleting %1…").arg(name), tr("Cannot delete %1: %2").arg(name),
            m_connection->deleteDomainSnapshot(m_domain, name));
    });
    box->open();
}

void SnapshotsTab::run(const QString &busy, const QString &failure, const QFuture<void> &operation)
{
    setBusy(true);
    m_status->setText(busy);
    whenFinished(
        this, operation, [this] { refresh(); },
        [this, failure](const QString &error) {
            m_status->setText(failure.arg(error));
            setBusy(false);
        });
}

void SnapshotsTab::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void SnapshotsTab::updateButtons()
{
    const bool selected = !selectedName().isEmpty();
    m_take->setEnabled(!m_busy);
    m_revert->setEnabled(!m_busy && selected);
    m_delete->setEnabled(!m_busy && selected);
}
