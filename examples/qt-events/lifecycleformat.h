// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTEVENTS_LIFECYCLEFORMAT_H
#define QTVIRT_EXAMPLES_QTEVENTS_LIFECYCLEFORMAT_H

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QString>

// The text `virsh event --event lifecycle --loop [--timestamp]` prints for a
// domain lifecycle event (libvirt tools/virsh-domain-event.c), so that
// scripts written against virsh can read this program's output unchanged.
class LifecycleFormat
{
    Q_DECLARE_TR_FUNCTIONS(LifecycleFormat)

public:
    LifecycleFormat() = delete;

    // For example "Started Booted"; values this libvirt does not name read
    // "unknown", as in virsh.
    static QString eventText(int event, int detail);

    // For example "event 'lifecycle' for domain 'demo': Started Booted".
    static QString line(const QString &domainName, int event, int detail);

    // The prefix `virsh event --timestamp` puts before a line, for example
    // "2024-05-01 09:30:00.250+0000: " (always UTC, milliseconds).
    static QString timestampPrefix(const QDateTime &when);
};

#endif // QTVIRT_EXAMPLES_QTEVENTS_LIFECYCLEFORMAT_H
