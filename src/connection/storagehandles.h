// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_STORAGEHANDLES_H
#define QTVIRT_CONNECTION_STORAGEHANDLES_H

#include <QtCore/QString>

#include <libvirt/libvirt.h>

#include <memory>

// One libvirt reference to a storage pool or a volume, dropped with
// virStoragePoolFree() or virStorageVolFree() on every way out of its
// scope, and the lookups by name that fail with libvirt's reason.
struct StoragePoolReleaser
{
    void operator()(virStoragePoolPtr pool) const { virStoragePoolFree(pool); }
};
using StoragePoolHandle = std::unique_ptr<virStoragePool, StoragePoolReleaser>;

struct StorageVolumeReleaser
{
    void operator()(virStorageVolPtr volume) const { virStorageVolFree(volume); }
};
using StorageVolumeHandle = std::unique_ptr<virStorageVol, StorageVolumeReleaser>;

// Both throw a QVirtError that names what was not found.
StoragePoolHandle lookUpStoragePool(virConnectPtr conn, const QString &name);
StorageVolumeHandle lookUpStorageVolume(virStoragePoolPtr pool, const QString &name);

#endif // QTVIRT_CONNECTION_STORAGEHANDLES_H
