// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connectionlistmodel.h"

#include "stateicons.h"

#include <QtCore/QSettings>

#include <chrono>

using namespace std::chrono_literals;

namespace {

const QString RememberedKey = QStringLiteral("connections/uris");

} // namespace

ConnectionListModel::ConnectionListModel(QSettings *settings, QObject *parent)
    : QAbstractListModel(parent)
    , m_settings(settings)
{ }

ConnectionListModel::~ConnectionListModel() = default;

QVirtConnection *ConnectionListModel::addConnection(const QString &uri, bool remember)
{
    if (QVirtConnection *existing = connectionFor(uri)) {
        const int row = rowOf(existing);
        if (remember && !m_entries[row].remembered) {
            m_entries[row].remembered = true;
            saveRemembered();
        }
        return existing;
    }
    auto *connection = new QVirtConnection(this);
    connection->setAutoReconnect(true);
    // A desktop manager wants a host back soon after its daemon restarts;
    // a 4 s ceiling costs one failed attempt per 4 s while it is down.
    connection->setReconnectDelays(500ms, 4s);
    connect(connection, &QVirtConnection::stateChanged, this, [this, connection] {
        const int row = rowOf(connection);
        if (row < 0)
            return;
        if (connection->isOpen())
            m_entries[row].error.clear();
        rowChanged(connection);
    });
    connect(connection, &QVirtConnection::closed, this,
            [this, connection](QVirtConnection::CloseReason reason) {
                if (reason == QVirtConnection::CloseReason::Client)
                    return;
                Q_EMIT problemReported(
                    tr("Lost the connection to %1; reconnecting").arg(connection->uri()));
            });
    // No arguments taken: the message is read from errorString().
    connect(connection, &QVirtConnection::errorOccurred, this, [this, connection] {
        const int row = rowOf(connection);
        if (row < 0)
            return;
        m_entries[row].error = connection->errorString();
        rowChanged(connection);
        Q_EMIT problemReported(tr("%1: %2").arg(connection->uri(), connection->errorString()));
    });

    const int row = int(m_entries.size());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.append(Entry{connection, remember, QString()});
    endInsertRows();
    if (remember)
        saveRemembered();
    Q_EMIT connectionAdded(connection);
    connection->open(uri);
    return connection;
}

void ConnectionListModel::removeConnection(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    QVirtConnection *connection = m_entries.at(row).connection;
    Q_EMIT connectionAboutToBeRemoved(connection);
    beginRemoveRows(QModelIndex(), row, row);
    const bool remembered = m_entries.takeAt(row).remembered;
    endRemoveRows();
    if (remembered)
        saveRemembered();
    connection->blockSignals(true);
    delete connection;
}

void ConnectionListModel::restore()
{
    const QStringList uris = m_settings->value(RememberedKey).toStringList();
    for (const QString &uri : uris)
        addConnection(uri, true);
}

QVirtConnection *ConnectionListModel::connectionAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).connection : nullptr;
}

QVirtConnection *ConnectionListModel::connectionFor(const QString &uri) const
{
    for (const Entry &entry : m_entries) {
        if (entry.connection->uri() == uri)
            return entry.connection;
    }
    return nullptr;
}

QString ConnectionListModel::stateText(QVirtConnection::State state)
{
    switch (state) {
    case QVirtConnection::State::Opening:
        return tr("Connecting…");
    case QVirtConnection::State::Open:
        return tr("Connected");
    case QVirtConnection::State::Reconnecting:
        return tr("Connection lost, reconnecting…");
    case QVirtConnection::State::Closed:
        break;
    }
    return tr("Not connected");
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const QVirtConnection::State state = entry.connection->state();
    switch (role) {
    case Qt::DisplayRole: {
        QString text = entry.connection->uri() + u'\n' + stateText(state);
        if (!entry.error.isEmpty())
            text += u'\n' + tr("Error: %1").arg(entry.error);
        return text;
    }
    case Qt::ToolTipRole:
        return entry.error.isEmpty() ? entry.connection->hostName() : entry.error;
    case Qt::DecorationRole:
        return StateIcons::connectionState(state, !entry.error.isEmpty());
    case StateRole:
        return QVariant::fromValue(state);
    case ErrorRole:
        return entry.error;
    case UriRole:
        return entry.connection->uri();
    default:
        return {};
    }
}

int ConnectionListModel::rowOf(const QVirtConnection *connection) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).connection == connection)
            return row;
    }
    return -1;
}

void ConnectionListModel::rowChanged(const QVirtConnection *connection)
{
    const QModelIndex changed = index(rowOf(connection));
    Q_EMIT dataChanged(changed, changed);
}

void ConnectionListModel::saveRemembered() const
{
    QStringList uris;
    for (const Entry &entry : m_entries) {
        if (entry.remembered)
            uris.append(entry.connection->uri());
    }
    m_settings->setValue(RememberedKey, uris);
}
