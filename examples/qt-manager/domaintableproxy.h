// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_DOMAINTABLEPROXY_H
#define QTVIRT_EXAMPLES_QTMANAGER_DOMAINTABLEPROXY_H

#include <QtCore/QHash>
#include <QtCore/QSortFilterProxyModel>

// QVirtDomainModel as the domain table shows it: sorted by any column
// (QVirtDomainModel::SortRole), filtered by the filter box on every column,
// with a state icon, and rows whose domain has an action under way marked
// busy: their state reads what is being done, with a busy icon.
class DomainTableProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    // True for a row whose domain has an action under way.
    static constexpr int BusyRole = Qt::UserRole + 100;

    explicit DomainTableProxy(QObject *parent = nullptr);

    // Marks the domain with this UUID busy, saying what is done (for
    // example "Starting…"); an empty text ends it.
    void setBusy(const QString &uuid, const QString &what);
    bool isBusy(const QString &uuid) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void uuidChanged(const QString &uuid);

    QHash<QString, QString> m_busy; // UUID -> what is done
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_DOMAINTABLEPROXY_H
