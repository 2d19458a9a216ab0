// SPDX-License-Identifier: LGPL-2.1-or-later
#include "volumeswindow.h"

#include "stateicons.h"
#include "whenfinished.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtStreamTransfer>
#include <QtVirt/QVirtVolumeInfo>

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QSaveFile>
#include <QtGui/QCloseEvent>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressDialog>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStyle>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>
#include <memory>
#include <utility>

namespace {

enum Column { NameColumn, FormatColumn, CapacityColumn, AllocationColumn };

// What a volume's item carries besides its texts.
enum ItemRole { PoolRole = Qt::UserRole, CapacityRole, PhysicalRole, SparseRole };

// The progress dialog's range: QProgressDialog counts in int, a volume's
// bytes do not fit.
constexpr int ProgressSteps = 1000;

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace

VolumesWindow::VolumesWindow(QVirtConnection *connection, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_connection(connection)
    , m_tree(new QTreeWidget)
    , m_refresh(new QPushButton(StateIcons::themed("view-refresh", QStyle::SP_BrowserReload),
                                tr("&Refresh")))
    , m_download(new QPushButton(StateIcons::themed("document-save", QStyle::SP_DialogSaveButton),
                                 tr("&Download…")))
    , m_upload(new QPushButton(StateIcons::themed("document-open", QStyle::SP_DialogOpenButton),
                               tr("&Upload…")))
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("volumesWindow"));
    setWindowTitle(tr("Storage Volumes – %1").arg(connection->uri()));
    setAttribute(Qt::WA_DeleteOnClose);

    m_tree->setObjectName(QStringLiteral("volumeTree"));
    m_tree->setHeaderLabels({tr("Name"), tr("Format"), tr("Capacity"), tr("Allocation")});
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &VolumesWindow::updateButtons);

    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_download->setObjectName(QStringLiteral("downloadButton"));
    m_upload->setObjectName(QStringLiteral("uploadButton"));
    m_status->setObjectName(QStringLiteral("volumesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_refresh, &QPushButton::clicked, this, &VolumesWindow::refresh);
    connect(m_download, &QPushButton::clicked, this, &VolumesWindow::chooseDownloadTarget);
    connect(m_upload, &QPushButton::clicked, this, &VolumesWindow::chooseUploadSource);
    // A connection that was not open yet, or came back, has pools to show.
    connect(connection, &QVirtConnection::stateChanged, this, [this](QVirtConnection::State state) {
        if (state == QVirtConnection::State::Open)
            refresh();
        updateButtons();
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addStretch();
    buttons->addWidget(m_download);
    buttons->addWidget(m_upload);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    resize(680, 420);
    refresh();
}

VolumesWindow::~VolumesWindow()
{
    // Deleting the transfer stops it, before its file goes (a QSaveFile
    // that was not committed leaves the file chosen as it was); it ends
    // without a word to this half-destroyed window.
    if (m_transfer) {
        disconnect(m_transfer, nullptr, this, nullptr);
        delete m_transfer;
    }
}

void VolumesWindow::closeEvent(QCloseEvent *event)
{
    if (!m_transfer || m_closeConfirmed) {
        QWidget::closeEvent(event);
        return;
    }
    event->ignore();
    if (closeQuestion())
        return;
    // Asked without a nested event loop (QMessageBox::question() would run
    // one inside this event handler, with the transfer's signals in it).
    auto *box = new QMessageBox(QMessageBox::Question, tr("Stop the Transfer"),
                                tr("A transfer is running. Stop it and close the window?"),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("closeConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::No);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result != QMessageBox::Yes)
            return;
        m_closeConfirmed = true;
        close();
    });
    box->open();
}

void VolumesWindow::refresh()
{
    if (!m_connection)
        return;
    if (m_listings > 0) {
        m_refreshPending = true;
        return;
    }
    if (m_statusIsFromListing) {
        m_status->clear();
        m_statusIsFromListing = false;
    }
    ++m_listings;
    m_reselect = selected();
    updateButtons();
    whenFinished(
        this, m_connection->listStoragePools(),
        [this](const QStringList &pools) {
            // No listing of volumes runs now (they start below), so the
            // items given to them stay until they ended.
            m_tree->clear();
            for (const QString &pool : pools) {
                auto *item = new QTreeWidgetItem(m_tree, {pool});
                item->setIcon(NameColumn,
                              StateIcons::themed("drive-harddisk", QStyle::SP_DriveHDIcon));
                item->setFlags(Qt::ItemIsEnabled);
                item->setExpanded(true);
                listVolumes(item);
            }
            if (pools.isEmpty())
                showListingMessage(tr("This connection has no active storage pool."));
            listingEnded();
        },
        [this](const QString &error) {
            if (!error.isEmpty())
                showListingMessage(tr("Cannot list the storage pools: %1").arg(error));
            listingEnded();
        },
        [](const QStringList &) {});
}

void VolumesWindow::listVolumes(QTreeWidgetItem *poolItem)
{
    if (!m_connection)
        return;
    ++m_listings;
    const QString pool = poolItem->text(NameColumn);
    whenFinished(
        this, m_connection->listStorageVolumes(pool),
        [this, poolItem, pool](const QList<QVirtVolumeInfo> &volumes) {
            for (const QVirtVolumeInfo &volume : volumes) {
                auto *item = new QTreeWidgetItem(poolItem,
                                                 {volume.name(), volume.format(),
                                                  sizeText(volume.capacity()),
                                                  sizeText(volume.allocation())});
                item->setToolTip(NameColumn, volume.path());
                item->setData(NameColumn, PoolRole, pool);
                item->setData(NameColumn, CapacityRole, volume.capacity());
                item->setData(NameColumn, PhysicalRole, volume.physical());
                item->setData(NameColumn, SparseRole, volume.isSparse());
                item->setTextAlignment(CapacityColumn, Qt::AlignRight | Qt::AlignVCenter);
                item->setTextAlignment(AllocationColumn, Qt::AlignRight | Qt::AlignVCenter);
                // Unless the user picked another one meanwhile.
                if (pool == m_reselect.pool && volume.name() == m_reselect.volume
                    && !m_tree->currentItem())
                    m_tree->setCurrentItem(item);
            }
            listingEnded();
        },
        [this, pool](const QString &error) {
            if (!error.isEmpty())
                showListingMessage(tr("Cannot list the volumes of pool %1: %2").arg(pool, error));
            listingEnded();
        },
        [](const QList<QVirtVolumeInfo> &) {});
}

void VolumesWindow::showListingMessage(const QString &message)
{
    m_status->setText(message);
    m_statusIsFromListing = true;
}

void VolumesWindow::listingEnded()
{
    if (--m_listings == 0 && std::exchange(m_refreshPending, false)) {
        refresh();
        return;
    }
    updateButtons();
}

bool VolumesWindow::selectVolume(const QString &pool, const QString &volume)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(NameColumn, PoolRole).toString() == pool
            && (*it)->text(NameColumn) == volume) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

QStringList VolumesWindow::volumes() const
{
    QStringList names;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        const QString pool = (*it)->data(NameColumn, PoolRole).toString();
        if (!pool.isEmpty())
            names.append(pool + u'/' + (*it)->text(NameColumn));
    }
    return names;
}

QString VolumesWindow::status() const
{
    return m_status->text();
}

VolumesWindow::Selection VolumesWindow::selected() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || item->data(NameColumn, PoolRole).toString().isEmpty())
        return {};
    return {item->data(NameColumn, PoolRole).toString(), item->text(NameColumn),
            item->data(NameColumn, CapacityRole).toLongLong(),
            item->data(NameColumn, PhysicalRole).toLongLong(),
            item->data(NameColumn, SparseRole).toBool()};
}

void VolumesWindow::chooseDownloadTarget()
{
    const Selection volume = selected();
    if (volume.volume.isEmpty())
        return;
    auto *dialog = new QFileDialog(this, tr("Download Volume %1").arg(volume.volume));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->selectFile(volume.volume);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, volume](const QString &path) { download(volume, path); });
    dialog->open();
}

void VolumesWindow::chooseUploadSource()
{
    const Selection volume = selected();
    if (volume.volume.isEmpty())
        return;
    auto *dialog = new QFileDialog(this, tr("Upload into Volume %1").arg(volume.volume));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this, volume](const QString &path) {
        // What the volume held where the file goes is lost: the user says
        // so first.
        auto *box = new QMessageBox(
            QMessageBox::Warning, tr("Upload into Volume"),
            tr("Write the file %1 (%2) into volume %3 (%4)? What the volume holds there is "
               "overwritten.")
                .arg(path, sizeText(QFileInfo(path).size()), volume.volume,
                     sizeText(volume.capacity)),
            QMessageBox::Yes | QMessageBox::Cancel, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setDefaultButton(QMessageBox::Cancel);
        connect(box, &QMessageBox::finished, this, [this, volume, path](int result) {
            if (result == QMessageBox::Yes)
                upload(volume, path);
        });
        box->open();
    });
    dialog->open();
}

void VolumesWindow::download(const Selection &volume, const QString &path)
{
    if (!m_connection || m_transfer)
        return;
    auto file = std::make_unique<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly)) {
        m_status->setText(tr("Cannot write %1: %2").arg(path, file->errorString()));
        m_statusIsFromListing = false;
        return;
    }
    m_file = file.release();
    m_file->setParent(this);
    m_transfer = m_connection->downloadVolume(volume.pool, volume.volume, m_file, volume.sparse);
    follow({tr("Downloading volume %1 into %2…").arg(volume.volume, path),
            tr("Downloaded volume %1 into %2.").arg(volume.volume, path),
            tr("The download of volume %1 was canceled.").arg(volume.volume),
            tr("The download of volume %1 failed: %2").arg(volume.volume)},
           volume.physical);
}

void VolumesWindow::upload(const Selection &volume, const QString &path)
{
    if (!m_connection || m_transfer)
        return;
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, file->errorString()));
        m_statusIsFromListing = false;
        return;
    }
    if (file->size() > volume.capacity) {
        m_status->setText(
            tr("The file %1 (%2) is larger than volume %3 (%4).")
                .arg(path, sizeText(file->size()), volume.volume, sizeText(volume.capacity)));
        m_statusIsFromListing = false;
        return;
    }
    const qint64 total = file->size();
    m_file = file.release();
    m_file->setParent(this);
    m_transfer = m_connection->uploadVolume(volume.pool, volume.volume, m_file, volume.sparse);
    follow({tr("Uploading %1 into volume %2…").arg(path, volume.volume),
            tr("Uploaded %1 into volume %2.").arg(path, volume.volume),
            tr("The upload into volume %1 was canceled.").arg(volume.volume),
            tr("The upload into volume %1 failed: %2").arg(volume.volume)},
           total);
}

void VolumesWindow::follow(const Wording &wording, qint64 total)
{
    m_transfer->setParent(this);
    // Not modal: a modal dialog's setValue() runs the event loop, inside
    // the transfer's progress() signal. The buttons that could start
    // another transfer are disabled meanwhile.
    m_progress = new QProgressDialog(wording.running, tr("Cancel"), 0, ProgressSteps, this);
    m_progress->setObjectName(QStringLiteral("transferProgress"));
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->show();
    connect(m_progress, &QProgressDialog::canceled, m_transfer, &QVirtStreamTransfer::cancel);
    // The dialog itself, not m_progress: that is null once the transfer
    // ended, and the dialog is deleted only later.
    connect(m_transfer, &QVirtStreamTransfer::progress, m_progress,
            [dialog = m_progress, total](qint64 done) {
                if (total > 0)
                    dialog->setValue(
                        int(std::min<qint64>(ProgressSteps, done * ProgressSteps / total)));
            });
    connect(m_transfer, &QVirtStreamTransfer::finished, this,
            [this, wording] { transferEnded(wording); });
    m_status->setText(wording.running);
    m_statusIsFromListing = false;
    updateButtons();
}

QMessageBox *VolumesWindow::closeQuestion() const
{
    // An answered one is deleted later: it no longer asks.
    auto *box = findChild<QMessageBox *>(QStringLiteral("closeConfirmation"));
    return box && box->isVisible() ? box : nullptr;
}

void VolumesWindow::transferEnded(const Wording &wording)
{
    // Nothing left to stop: the question no longer applies.
    if (QMessageBox *question = closeQuestion())
        question->reject();
    QVirtStreamTransfer::Error error = m_transfer->error();
    QString reason = m_transfer->errorString();
    m_transfer->deleteLater();
    m_transfer = nullptr;
    m_progress->deleteLater();
    m_progress = nullptr;
    // A download's file replaces the one chosen only when it is complete.
    if (auto *target = qobject_cast<QSaveFile *>(m_file)) {
        if (error == QVirtStreamTransfer::NoError && !target->commit()) {
            error = QVirtStreamTransfer::DeviceWriteError;
            reason = target->errorString();
        } else if (error != QVirtStreamTransfer::NoError) {
            target->cancelWriting();
        }
    }
    m_file->deleteLater();
    m_file = nullptr;

    if (error == QVirtStreamTransfer::NoError)
        m_status->setText(wording.done);
    else if (error == QVirtStreamTransfer::CanceledError)
        m_status->setText(wording.canceled);
    else
        m_status->setText(wording.failed.arg(reason));
    // An upload changed the volume's allocation.
    refresh();
}

void VolumesWindow::updateButtons()
{
    const bool volumeSelected = !selected().volume.isEmpty();
    const bool open = m_connection && m_connection->state() == QVirtConnection::State::Open;
    const bool idle = !m_transfer && open;
    m_refresh->setEnabled(m_listings == 0 && open);
    m_download->setEnabled(idle && volumeSelected);
    m_upload->setEnabled(idle && volumeSelected);
}
