// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_QVIRTCONNECTION_P_H
#define QTVIRT_CONNECTION_QVIRTCONNECTION_P_H

#include "connection/connectionhandle.h"
#include "connection/eventregistrations.h"
#include "connection/reconnectbackoff.h"

#include <QtVirt/qvirtconnection.h>

#include <QtCore/QTimer>

#include <memory>

class CredentialBridge;
class ResultMailbox;
struct OpenResult;

class QVirtConnectionPrivate
{
    Q_DECLARE_PUBLIC(QVirtConnection)

public:
    explicit QVirtConnectionPrivate(QVirtConnection *q);
    ~QVirtConnectionPrivate();

    static QVirtConnectionPrivate *get(QVirtConnection *q) { return q->d.get(); }

    void startOpen();
    void finishOpen(quint64 generation, OpenResult &result);
    bool install(OpenResult &result);
    // Drops the connection: callbacks first, then libvirt's reference.
    void release();
    void handleLoss(virConnectPtr lost, int reason);
    void scheduleReconnect();
    enum class SyncTiming { Now, Later };
    void requestSync(SyncTiming timing);
    void syncRegistrations();
    void setState(QVirtConnection::State newState);
    void setUri(const QString &newUri, bool newReadOnly);

    static void closeCallback(virConnectPtr conn, int reason, void *opaque);

    QVirtConnection *const q_ptr;
    const std::shared_ptr<ResultMailbox> mailbox;
    EventRegistrations registrations;
    ConnectionHandle conn;
    bool closeCallbackRegistered = false;
    // Identifies the newest open attempt: results of older ones are dropped.
    quint64 openGeneration = 0;
    std::shared_ptr<CredentialBridge> credentials;

    QString uri;
    bool readOnly = false;
    QVirtConnection::State state = QVirtConnection::State::Closed;
    QString hypervisorType;
    QString hostName;
    QString errorString;
    int keepAliveInterval = 5;
    int keepAliveCount = 5;
    bool autoReconnect = false;
    bool reconnecting = false;
    ReconnectBackoff backoff;
    QTimer *const reconnectTimer;
    std::chrono::milliseconds credentialsTimeout{120000};
};

#endif // QTVIRT_CONNECTION_QVIRTCONNECTION_P_H
