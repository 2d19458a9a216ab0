// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_QVIRTDOMAININFO_P_H
#define QTVIRT_CONNECTION_QVIRTDOMAININFO_P_H

#include <QtVirt/qvirtdomaininfo.h>

#include <QtCore/QSharedData>

class QVirtDomainInfoData : public QSharedData
{
public:
    // The value that shares this data (which it takes over).
    static QVirtDomainInfo wrap(QVirtDomainInfoData *data) { return QVirtDomainInfo(data); }

    QString name;
    QUuid uuid;
    int id = -1;
    QVirtDomainInfo::State state = QVirtDomainInfo::State::NoState;
    int stateReason = 0;
    bool persistent = false;
    bool autostart = false;
    quint64 maxMemory = 0;
    quint64 memory = 0;
    int vcpus = 0;
    quint64 cpuTime = 0;
};

#endif // QTVIRT_CONNECTION_QVIRTDOMAININFO_P_H
