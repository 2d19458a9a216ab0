// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_EVENTSTAB_H
#define QTVIRT_EXAMPLES_QTMANAGER_EVENTSTAB_H

#include <QtVirt/QVirtDomainRef>
#include <QtVirt/QVirtEvents>

#include <QtWidgets/QWidget>

class QLabel;
class QTreeWidget;
class QVirtConnection;

// The details window's log of one domain's events, newest last, from the
// moment the window opened. It listens to QVirtConnection::domainEvents(),
// whose callbacks libvirt registers with the domain: the daemon filters,
// and the events of other domains never reach this process.
class EventsTab : public QWidget
{
    Q_OBJECT

public:
    EventsTab(QVirtConnection *connection, const QVirtDomainRef &domain, QWidget *parent = nullptr);

    // The events' texts as listed, oldest first.
    QStringList events() const;

    static QString lifecycleText(QVirtEvents::DomainEvent event, int detail);

private:
    void append(const QString &text);

    QTreeWidget *m_list;
    QLabel *m_status;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_EVENTSTAB_H
