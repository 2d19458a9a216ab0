// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTEVENTS_LIFECYCLELISTENER_H
#define QTVIRT_EXAMPLES_QTEVENTS_LIFECYCLELISTENER_H

#include <QtCore/QObject>
#include <QtCore/QString>

#include <libvirt/libvirt.h>

class QTextStream;

// Prints the domain lifecycle events of one connection, one line each, the
// way virsh does, up to a limit (0: none), and turns the connection's close
// callback into a signal. Its registrations end with it, so destroy it
// before closing the connection.
class LifecycleListener : public QObject
{
    Q_OBJECT

public:
    LifecycleListener(virConnectPtr conn, QTextStream &out, bool timestamps, int limit,
                      QObject *parent = nullptr);
    ~LifecycleListener() override;

    // Registers with libvirt; on failure errorString() holds libvirt's reason.
    bool start();
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void limitReached();
    void connectionClosed(int reason);

private:
    static void lifecycleCallback(virConnectPtr conn, virDomainPtr dom, int event, int detail,
                                  void *opaque);
    static void closeCallback(virConnectPtr conn, int reason, void *opaque);

    virConnectPtr const m_conn;
    QTextStream &m_out;
    const bool m_timestamps;
    const int m_limit;
    int m_callbackId = -1;
    bool m_closeCallbackRegistered = false;
    int m_printed = 0;
    QString m_error;
};

#endif // QTVIRT_EXAMPLES_QTEVENTS_LIFECYCLELISTENER_H
