// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventstab.h"

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainEvents>

#include <QtCore/QDateTime>
#include <QtCore/QLocale>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

using namespace QVirtEvents;

namespace {

enum Column { TimeColumn, EventColumn };

// The details libvirt gives most often, by event; others show the event
// alone.
QString detailText(DomainEvent event, int detail)
{
    switch (event) {
    case DomainEvent::Defined:
        if (detail == int(DefinedDetail::Added))
            return EventsTab::tr("added");
        if (detail == int(DefinedDetail::Updated))
            return EventsTab::tr("updated");
        if (detail == int(DefinedDetail::FromSnapshot))
            return EventsTab::tr("from a snapshot");
        break;
    case DomainEvent::Started:
        if (detail == int(StartedDetail::Booted))
            return EventsTab::tr("booted");
        if (detail == int(StartedDetail::Restored))
            return EventsTab::tr("restored");
        if (detail == int(StartedDetail::FromSnapshot))
            return EventsTab::tr("from a snapshot");
        break;
    case DomainEvent::Suspended:
        if (detail == int(SuspendedDetail::Paused))
            return EventsTab::tr("paused");
        if (detail == int(SuspendedDetail::IOError))
            return EventsTab::tr("I/O error");
        if (detail == int(SuspendedDetail::FromSnapshot))
            return EventsTab::tr("from a snapshot");
        break;
    case DomainEvent::Resumed:
        if (detail == int(ResumedDetail::Unpaused))
            return EventsTab::tr("unpaused");
        if (detail == int(ResumedDetail::FromSnapshot))
            return EventsTab::tr("from a snapshot");
        break;
    case DomainEvent::Stopped:
        if (detail == int(StoppedDetail::Shutdown))
            return EventsTab::tr("shut down");
        if (detail == int(StoppedDetail::Destroyed))
            return EventsTab::tr("forced off");
        if (detail == int(StoppedDetail::Crashed))
            return EventsTab::tr("crashed");
        if (detail == int(StoppedDetail::Saved))
            return EventsTab::tr("saved");
        if (detail == int(StoppedDetail::FromSnapshot))
            return EventsTab::tr("from a snapshot");
        break;
    default:
        break;
    }
    return QString();
}

} // namespace

EventsTab::EventsTab(QVirtConnection *connection, const QVirtDomainRef &domain, QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget)
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("eventsTab"));
    m_list->setObjectName(QStringLiteral("eventList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Time"), tr("Event")});
    m_list->header()->setStretchLastSection(true);
    m_status->setObjectName(QStringLiteral("eventsStatus"));
    m_status->setWordWrap(true);
    m_status->setText(tr("Events of %1 since this window opened.").arg(domain.name()));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    if (!connection)
        return;

    // Shared with everyone else who listens to this domain; this tab's
    // connections end with it, and with the last of them the daemon stops
    // sending.
    QVirtDomainEvents *events = connection->domainEvents(domain);
    connect(events, &QVirtDomainEvents::errorOccurred, this, [this, events] {
        m_status->setText(tr("Cannot receive this domain's events: %1").arg(events->errorString()));
    });
    connect(events, &QVirtDomainEvents::domainLifecycle, this,
            [this](const QVirtDomainRef &, DomainEvent event, int detail) {
                append(lifecycleText(event, detail));
            });
    connect(events, &QVirtDomainEvents::domainRebooted, this,
            [this](const QVirtDomainRef &) { append(tr("Rebooted")); });
    connect(events, &QVirtDomainEvents::domainDeviceAdded, this,
            [this](const QVirtDomainRef &, const QString &alias) {
                append(tr("Device %1 added").arg(alias));
            });
    connect(events, &QVirtDomainEvents::domainDeviceRemoved, this,
            [this](const QVirtDomainRef &, const QString &alias) {
                append(tr("Device %1 removed").arg(alias));
            });
    connect(events, &QVirtDomainEvents::domainIOError, this,
            [this](const QVirtDomainRef &, const QString &path, const QString &alias,
                   IOErrorAction) { append(tr("I/O error on %1 (%2)").arg(alias, path)); });
    connect(events, &QVirtDomainEvents::domainWatchdog, this,
            [this](const QVirtDomainRef &, WatchdogAction) { append(tr("Watchdog fired")); });
}

QStringList EventsTab::events() const
{
    QStringList texts;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        texts.append(m_list->topLevelItem(i)->text(EventColumn));
    return texts;
}

QString EventsTab::lifecycleText(DomainEvent event, int detail)
{
    QString name;
    switch (event) {
    case DomainEvent::Defined:
        name = tr("Defined");
        break;
    case DomainEvent::Undefined:
        name = tr("Undefined");
        break;
    case DomainEvent::Started:
        name = tr("Started");
        break;
    case DomainEvent::Suspended:
        name = tr("Suspended");
        break;
    case DomainEvent::Resumed:
        name = tr("Resumed");
        break;
    case DomainEvent::Stopped:
        name = tr("Stopped");
        break;
    case DomainEvent::Shutdown:
        name = tr("Shutting down");
        break;
    case DomainEvent::PMSuspended:
        name = tr("Suspended by power management");
        break;
    case DomainEvent::Crashed:
        name = tr("Crashed");
        break;
    }
    const QString how = detailText(event, detail);
    return how.isEmpty() ? name : tr("%1 (%2)").arg(name, how);
}

void EventsTab::append(const QString &text)
{
    auto *item = new QTreeWidgetItem(m_list);
    item->setText(TimeColumn,
                  QLocale().toString(QDateTime::currentDateTime().time(), QLocale::LongFormat));
    item->setText(EventColumn, text);
    m_list->scrollToItem(item);
}
