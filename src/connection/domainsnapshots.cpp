// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection's snapshot operations, on the machinery of
// connection/pooloperation.h.

#include "connection/libvirtallocations.h"
#include "connection/pooloperation.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QXmlStreamReader>

#include <memory>
#include <vector>

namespace {

using PoolOperation::runOnDomain;

struct SnapshotReleaser
{
    void operator()(virDomainSnapshotPtr snapshot) const { virDomainSnapshotFree(snapshot); }
};
using Snapshot = std::unique_ptr<virDomainSnapshot, SnapshotReleaser>;

Snapshot lookUpSnapshot(virDomainPtr dom, const QString &name)
{
    Snapshot snapshot(virDomainSnapshotLookupByName(dom, name.toUtf8().constData(), 0));
    if (!snapshot) {
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtConnection", "no snapshot %1").arg(name));
    }
    return snapshot;
}

// The name of the current snapshot, or an empty string when there is none
// (libvirt reports that as VIR_ERR_NO_DOMAIN_SNAPSHOT).
QString currentSnapshotName(virDomainPtr dom)
{
    if (virDomainHasCurrentSnapshot(dom, 0) <= 0)
        return {};
    const Snapshot current(virDomainSnapshotCurrent(dom, 0));
    return current ? QString::fromUtf8(virDomainSnapshotGetName(current.get())) : QString();
}

// A snapshot's XML holds its creation time and its parent's name: one round
// trip for both, where virDomainSnapshotGetParent() would add another.
QVirtSnapshotInfo snapshotInfo(virDomainSnapshotPtr snapshot, const QString &current)
{
    const QString name = QString::fromUtf8(virDomainSnapshotGetName(snapshot));
    char *xml = virDomainSnapshotGetXMLDesc(snapshot, 0);
    if (!xml) {
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtConnection", "no snapshot %1").arg(name));
    }
    QXmlStreamReader reader(takeLibvirtString(xml));
    QDateTime created;
    QString parent;
    // Only the top level of <domainsnapshot>: its <domain> copy has
    // elements of the same names.
    if (reader.readNextStartElement()) {
        while (reader.readNextStartElement()) {
            if (reader.name() == QLatin1String("creationTime")) {
                created
                    = QDateTime::fromSecsSinceEpoch(reader.readElementText().toLongLong(), Qt::UTC);
            } else if (reader.name() == QLatin1String("parent")) {
                while (reader.readNextStartElement()) {
                    if (reader.name() == QLatin1String("name"))
                        parent = reader.readElementText();
                    else
                        reader.skipCurrentElement();
                }
            } else {
                reader.skipCurrentElement();
            }
        }
    }
    return QVirtSnapshotInfo(name, created, parent, name == current);
}

QList<QVirtSnapshotInfo> listSnapshots(virDomainPtr dom)
{
    virDomainSnapshotPtr *snapshots = nullptr;
    const int count = virDomainListAllSnapshots(dom, &snapshots, 0);
    if (count < 0) {
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtConnection", "cannot list the snapshots"));
    }
    const std::vector<Snapshot> owned = adoptLibvirtArray<Snapshot>(snapshots, count);
    const QString current = currentSnapshotName(dom);
    QList<QVirtSnapshotInfo> infos;
    infos.reserve(count);
    for (const Snapshot &snapshot : owned)
        infos.append(snapshotInfo(snapshot.get(), current));
    return infos;
}

} // namespace

QFuture<QList<QVirtSnapshotInfo>> QVirtConnection::listDomainSnapshots(const QVirtDomainRef &domain)
{
    return runOnDomain<QList<QVirtSnapshotInfo>>(d.get(), domain, &listSnapshots);
}

QFuture<QString> QVirtConnection::createDomainSnapshot(const QVirtDomainRef &domain,
                                                       const QString &xml,
                                                       SnapshotCreateFlags flags)
{
    return runOnDomain<QString>(
        d.get(), domain, [xml = xml.toUtf8(), flags = flags.toInt()](virDomainPtr dom) {
            const Snapshot snapshot(virDomainSnapshotCreateXML(dom, xml.constData(), flags));
            if (!snapshot) {
                throw QVirtError::fromLastError(QCoreApplication::translate(
                    "QVirtConnection", "cannot take a snapshot of the domain"));
            }
            return QString::fromUtf8(virDomainSnapshotGetName(snapshot.get()));
        });
}

QFuture<void> QVirtConnection::revertDomainSnapshot(const QVirtDomainRef &domain,
                                                    const QString &snapshot,
                                                    SnapshotRevertFlags flags)
{
    return runOnDomain<void>(d.get(), domain, [snapshot, flags = flags.toInt()](virDomainPtr dom) {
        if (virDomainRevertToSnapshot(lookUpSnapshot(dom, snapshot).get(), flags) < 0) {
            throw QVirtError::fromLastError(
                QCoreApplication::translate("QVirtConnection", "cannot revert to snapshot %1")
                    .arg(snapshot));
        }
    });
}

QFuture<void> QVirtConnection::deleteDomainSnapshot(const QVirtDomainRef &domain,
                                                    const QString &snapshot,
                                                    SnapshotDeleteFlags flags)
{
    return runOnDomain<void>(d.get(), domain, [snapshot, flags = flags.toInt()](virDomainPtr dom) {
        if (virDomainSnapshotDelete(lookUpSnapshot(dom, snapshot).get(), flags) < 0) {
            throw QVirtError::fromLastError(
                QCoreApplication::translate("QVirtConnection", "cannot delete snapshot %1")
                    .arg(snapshot));
        }
    });
}
