// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_CONNECTIONLISTMODEL_H
#define QTVIRT_EXAMPLES_QTMANAGER_CONNECTIONLISTMODEL_H

#include <QtVirt/QVirtConnection>

#include <QtCore/QAbstractListModel>
#include <QtCore/QList>

class QSettings;

// The window's connections, one row each: the URI, the state and the last
// error. It owns the QVirtConnection objects; every one reconnects by
// itself after a loss. The URIs added with remember set are kept in the
// QSettings given, and restore() opens them again.
class ConnectionListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { StateRole = Qt::UserRole, ErrorRole, UriRole };

    explicit ConnectionListModel(QSettings *settings, QObject *parent = nullptr);
    ~ConnectionListModel() override;

    // Opens uri unless a connection to it is listed already; returns it.
    QVirtConnection *addConnection(const QString &uri, bool remember);
    void removeConnection(int row);
    // Opens the remembered URIs.
    void restore();

    QVirtConnection *connectionAt(int row) const;
    QVirtConnection *connectionFor(const QString &uri) const;

    // What a connection's row says about its state, for example "Connected".
    static QString stateText(QVirtConnection::State state);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void connectionAdded(QVirtConnection *connection);
    void connectionAboutToBeRemoved(QVirtConnection *connection);
    // A connection failed to open or was lost; message is for the status bar.
    void problemReported(const QString &message);

private:
    struct Entry
    {
        QVirtConnection *connection;
        bool remembered;
        QString error; // the last failure, until the connection opens again
    };

    int rowOf(const QVirtConnection *connection) const;
    void rowChanged(const QVirtConnection *connection);
    void saveRemembered() const;

    QSettings *const m_settings;
    QList<Entry> m_entries;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_CONNECTIONLISTMODEL_H
