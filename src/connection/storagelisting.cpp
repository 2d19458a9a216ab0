// SPDX-License-Identifier: LGPL-2.1-or-later
//
// QVirtConnection::listStoragePools() and listStorageVolumes(), on the
// machinery of connection/pooloperation.h, and the storage lookups that
// the volume transfers share.

#include "connection/libvirtallocations.h"
#include "connection/pooloperation.h"
#include "connection/storagehandles.h"

#include <QtVirt/qvirtvolumeinfo.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QXmlStreamReader>

#include <libvirt/virterror.h>

#include <algorithm>
#include <optional>
#include <utility>

StoragePoolHandle lookUpStoragePool(virConnectPtr conn, const QString &name)
{
    StoragePoolHandle pool(virStoragePoolLookupByName(conn, name.toUtf8().constData()));
    if (!pool) {
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtConnection", "no storage pool %1").arg(name));
    }
    return pool;
}

StorageVolumeHandle lookUpStorageVolume(virStoragePoolPtr pool, const QString &name)
{
    StorageVolumeHandle volume(virStorageVolLookupByName(pool, name.toUtf8().constData()));
    if (!volume) {
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtConnection", "no volume %1").arg(name));
    }
    return volume;
}

namespace {

QStringList activePoolNames(virConnectPtr conn)
{
    virStoragePoolPtr *pools = nullptr;
    const int count
        = virConnectListAllStoragePools(conn, &pools, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE);
    if (count < 0) {
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtConnection", "cannot list the storage pools"));
    }
    QStringList names;
    names.reserve(count);
    for (const StoragePoolHandle &pool : adoptLibvirtArray<StoragePoolHandle>(pools, count))
        names.append(QString::fromUtf8(virStoragePoolGetName(pool.get())));
    names.sort();
    return names;
}

// A size element of a volume's XML, in bytes (libvirt writes unit='bytes').
qint64 bytesOf(QXmlStreamReader &reader)
{
    return reader.readElementText().toLongLong();
}

// A volume's XML holds its path, format and sizes: one round trip for all
// of them, where virStorageVolGetInfo() and virStorageVolGetPath() would be
// two and leave out the format and the file's own size.
QVirtVolumeInfo volumeInfoFromXml(const QString &xml)
{
    QXmlStreamReader reader(xml);
    QString name;
    QString path;
    QString format;
    qint64 capacity = 0;
    qint64 allocation = 0;
    qint64 physical = -1;
    if (reader.readNextStartElement()) {
        while (reader.readNextStartElement()) {
            if (reader.name() == QLatin1String("name")) {
                name = reader.readElementText();
            } else if (reader.name() == QLatin1String("capacity")) {
                capacity = bytesOf(reader);
            } else if (reader.name() == QLatin1String("allocation")) {
                allocation = bytesOf(reader);
            } else if (reader.name() == QLatin1String("physical")) {
                physical = bytesOf(reader);
            } else if (reader.name() == QLatin1String("target")) {
                while (reader.readNextStartElement()) {
                    if (reader.name() == QLatin1String("path")) {
                        path = reader.readElementText();
                    } else if (reader.name() == QLatin1String("format")) {
                        format = reader.attributes().value(QLatin1String("type")).toString();
                        reader.skipCurrentElement();
                    } else {
                        reader.skipCurrentElement();
                    }
                }
            } else {
                reader.skipCurrentElement();
            }
        }
    }
    // Without <physical> (a driver that does not know it), the file is as
    // large as the disk it holds, as a raw volume's is.
    return QVirtVolumeInfo(name, path, format, capacity, allocation,
                           physical >= 0 ? physical : capacity);
}

// Nothing when the volume was deleted since the listing: it is not in the
// pool any more.
std::optional<QVirtVolumeInfo> volumeInfo(virStorageVolPtr volume)
{
    char *xml = virStorageVolGetXMLDesc(volume, 0);
    if (!xml) {
        if (virGetLastErrorCode() == VIR_ERR_NO_STORAGE_VOL) {
            virResetLastError();
            return std::nullopt;
        }
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtConnection", "cannot read volume %1")
                .arg(QString::fromUtf8(virStorageVolGetName(volume))));
    }
    return volumeInfoFromXml(takeLibvirtString(xml));
}

QList<QVirtVolumeInfo> volumeInfos(virConnectPtr conn, const QString &poolName)
{
    const StoragePoolHandle pool = lookUpStoragePool(conn, poolName);
    virStorageVolPtr *volumes = nullptr;
    const int count = virStoragePoolListAllVolumes(pool.get(), &volumes, 0);
    if (count < 0) {
        throw QVirtError::fromLastError(
            QCoreApplication::translate("QVirtConnection", "cannot list the volumes of pool %1")
                .arg(poolName));
    }
    QList<QVirtVolumeInfo> infos;
    infos.reserve(count);
    for (const StorageVolumeHandle &volume :
         adoptLibvirtArray<StorageVolumeHandle>(volumes, count)) {
        if (std::optional<QVirtVolumeInfo> info = volumeInfo(volume.get()))
            infos.append(std::move(*info));
    }
    std::sort(infos.begin(), infos.end(), [](const QVirtVolumeInfo &a, const QVirtVolumeInfo &b) {
        return a.name() < b.name();
    });
    return infos;
}

} // namespace

QFuture<QStringList> QVirtConnection::listStoragePools()
{
    return PoolOperation::runOnPool<QStringList>(d.get(), &activePoolNames);
}

QFuture<QList<QVirtVolumeInfo>> QVirtConnection::listStorageVolumes(const QString &pool)
{
    return PoolOperation::runOnPool<QList<QVirtVolumeInfo>>(
        d.get(), [pool](virConnectPtr conn) { return volumeInfos(conn, pool); });
}
