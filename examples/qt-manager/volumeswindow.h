// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_VOLUMESWINDOW_H
#define QTVIRT_EXAMPLES_QTMANAGER_VOLUMESWINDOW_H

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class QFileDevice;
class QLabel;
class QMessageBox;
class QProgressDialog;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class QVirtConnection;
class QVirtStreamTransfer;

// A connection's storage: its active pools with their volumes in a tree
// (name, format, capacity, allocation), and buttons that download the
// selected volume into a local file or upload a local file into it (after
// asking). A transfer shows a QProgressDialog driven by its
// QVirtStreamTransfer, whose Cancel stops it; it is sparse when the
// volume's file has holes, so that they stay holes. Everything runs
// asynchronously: the listings are QFutures, the file is chosen in a dialog
// that does not block, and the data moves on the event loop. What fails is
// said in the status line, in libvirt's words. A download goes through a
// QSaveFile: the file chosen is replaced only by a complete download, never
// left half-written or removed by a failed one. The tree is listed again
// whenever the connection (re)opens, and after every transfer.
class VolumesWindow : public QWidget
{
    Q_OBJECT

public:
    explicit VolumesWindow(QVirtConnection *connection, QWidget *parent = nullptr);
    ~VolumesWindow() override;

    // Lists the pools and their volumes again (once the listing on its way
    // ended, if one is).
    void refresh();
    // Selects the volume named volume of pool; false when it is not listed.
    bool selectVolume(const QString &pool, const QString &volume);
    // "pool/volume" of every volume listed, in the tree's order.
    QStringList volumes() const;
    QString status() const;
    // A listing or a transfer runs.
    bool isBusy() const { return m_listings > 0 || m_transfer; }

protected:
    // Asks before a running transfer is stopped by closing the window.
    void closeEvent(QCloseEvent *event) override;

private:
    struct Selection
    {
        QString pool;
        QString volume;
        qint64 capacity = 0;
        qint64 physical = 0;
        bool sparse = false;
    };
    // What the window says of one transfer.
    struct Wording
    {
        QString running;
        QString done;
        QString canceled;
        QString failed; // %1: libvirt's or the device's reason
    };

    Selection selected() const;
    void listVolumes(QTreeWidgetItem *poolItem);
    // What a listing found wrong (a failure, not a cancellation, which
    // says nothing; or no pool at all), until the next listing.
    // The question closeEvent() asked while it is open; null otherwise.
    QMessageBox *closeQuestion() const;
    void showListingMessage(const QString &message);
    void listingEnded();
    void chooseDownloadTarget();
    void chooseUploadSource();
    void download(const Selection &volume, const QString &path);
    void upload(const Selection &volume, const QString &path);
    // Shows the progress of m_transfer, of total bytes, until it ended.
    void follow(const Wording &wording, qint64 total);
    void transferEnded(const Wording &wording);
    void updateButtons();

    QPointer<QVirtConnection> m_connection;
    QTreeWidget *m_tree;
    QPushButton *m_refresh;
    QPushButton *m_download;
    QPushButton *m_upload;
    QLabel *m_status;
    int m_listings = 0;
    // A refresh was asked for while a listing ran.
    bool m_refreshPending = false;
    // The volume selected when the listing began, selected again once it
    // is listed anew.
    Selection m_reselect;
    // The status line shows a listing's message, which the next listing
    // replaces; a transfer's outcome stays until the next transfer.
    bool m_statusIsFromListing = false;
    // Yes was answered to stopping the running transfer: close() closes.
    bool m_closeConfirmed = false;
    // The transfer on its way, and its local file: a QSaveFile for a
    // download, a QFile for an upload.
    QVirtStreamTransfer *m_transfer = nullptr;
    QFileDevice *m_file = nullptr;
    QProgressDialog *m_progress = nullptr;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_VOLUMESWINDOW_H
