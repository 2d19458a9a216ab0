// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTEVENTS_EVENTPRINTER_H
#define QTVIRT_EXAMPLES_QTEVENTS_EVENTPRINTER_H

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainEvents>

#include <QtCore/QObject>
#include <QtCore/QStringList>

class QTextStream;

// Prints the events of one QVirtConnection the way virsh does, one event
// per print, up to a limit (0: none). Connecting to a signal is what makes
// QVirtConnection register its libvirt callback, so only the events asked
// for travel from the daemon.
class EventPrinter : public QObject
{
    Q_OBJECT

public:
    EventPrinter(QVirtConnection *conn, QTextStream &out, bool timestamps, int limit,
                 QObject *parent = nullptr);

    // virsh's domain event names (`virsh event --list`), then
    // network-lifecycle, pool-lifecycle, pool-refresh, nodedev-lifecycle,
    // nodedev-update, secret-lifecycle and secret-value-changed.
    static QStringList eventNames();
    // The domain ones only (`virsh event --list`).
    static QStringList domainEventNames();

    // Takes the domain events from events (one domain's) rather than from
    // the connection, and refuses the other objects' events. Before listen().
    void setDomainEvents(QVirtDomainEvents *events);

    // Starts printing the event called name; false for an unknown name.
    bool listen(const QString &name);

Q_SIGNALS:
    void limitReached();

private:
    void print(const QString &text);

    QVirtConnection *const m_conn;
    QVirtDomainEvents *m_domainEvents = nullptr;
    QTextStream &m_out;
    const bool m_timestamps;
    const int m_limit;
    int m_printed = 0;
};

#endif // QTVIRT_EXAMPLES_QTEVENTS_EVENTPRINTER_H
