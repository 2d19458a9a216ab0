// SPDX-License-Identifier: LGPL-2.1-or-later
#include "domainfacts.h"

#include <QtVirt/QVirtDomainModel>

#include <QtTest/QTest>

#include <libvirt/virterror.h>

#include <algorithm>
#include <cstdlib>

namespace DomainFacts {

namespace {

void sortByName(QList<Facts> &facts)
{
    std::sort(facts.begin(), facts.end(),
              [](const Facts &a, const Facts &b) { return a.name < b.name; });
}

} // namespace

QList<Facts> listed(virConnectPtr conn, Detail detail)
{
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(conn, &domains, 0);
    if (count < 0) {
        QTest::qFail(virGetLastErrorMessage(), __FILE__, __LINE__);
        return {};
    }
    QList<Facts> result;
    for (int i = 0; i < count; ++i) {
        virDomainPtr dom = domains[i];
        virDomainInfo info = {};
        if (virDomainGetInfo(dom, &info) == 0) {
            Facts facts;
            facts.name = QString::fromUtf8(virDomainGetName(dom));
            facts.state = info.state;
            facts.persistent = virDomainIsPersistent(dom) == 1;
            if (detail == Detail::Full) {
                const unsigned int id = virDomainGetID(dom);
                facts.id = id == static_cast<unsigned int>(-1) ? -1 : static_cast<int>(id);
                int autostart = 0;
                if (facts.persistent && virDomainGetAutostart(dom, &autostart) == 0)
                    facts.autostart = autostart != 0;
                facts.memoryKiB = info.memory;
                facts.vcpus = info.nrVirtCpu;
            }
            result.append(facts);
        }
        virDomainFree(dom);
    }
    std::free(domains);
    sortByName(result);
    return result;
}

QList<Facts> shown(const QAbstractItemModel &model, Detail detail)
{
    QList<Facts> result;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        Facts facts;
        facts.name = index.data(QVirtDomainModel::NameRole).toString();
        facts.state = index.data(QVirtDomainModel::StateRole).toInt();
        facts.persistent = index.data(QVirtDomainModel::PersistentRole).toBool();
        if (detail == Detail::Full) {
            facts.id = index.data(QVirtDomainModel::DomainIdRole).toInt();
            facts.autostart = index.data(QVirtDomainModel::AutostartRole).toBool();
            facts.memoryKiB = index.data(QVirtDomainModel::MemoryRole).toULongLong();
            facts.vcpus = index.data(QVirtDomainModel::VcpusRole).toUInt();
        }
        result.append(facts);
    }
    sortByName(result);
    return result;
}

char *toString(const Facts &facts)
{
    return qstrdup(
        QStringLiteral("(%1, state %2, %3, id %4, autostart %5, %6 KiB, %7 vCPUs)")
            .arg(facts.name)
            .arg(facts.state)
            .arg(facts.persistent ? QStringLiteral("persistent") : QStringLiteral("transient"))
            .arg(facts.id)
            .arg(facts.autostart)
            .arg(facts.memoryKiB)
            .arg(facts.vcpus)
            .toUtf8()
            .constData());
}

} // namespace DomainFacts
