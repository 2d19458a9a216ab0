// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The network, storage pool, node device and secret event callbacks, each
// turned into its signal.

// First, so that every include sees the _LAST values.
#define VIR_ENUM_SENTINELS
#include <libvirt/libvirt.h>

#include "connection/eventbindings.h"
#include "connection/eventdelivery.h"

using namespace QVirtEvents;

static_assert(VIR_NETWORK_EVENT_ID_LAST == 1 && VIR_STORAGE_POOL_EVENT_ID_LAST == 2
                  && VIR_NODE_DEVICE_EVENT_ID_LAST == 2 && VIR_SECRET_EVENT_ID_LAST == 2,
              "a libvirt object event ID needs its signal");

namespace {

QUuid uuidOf(const char *text)
{
    return QUuid::fromString(QLatin1String(text));
}

void onNetworkLifecycle(virConnectPtr, virNetworkPtr net, int event, int, void *opaque)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    virNetworkGetUUIDString(net, uuid);
    deliverEvent(opaque,
                 [name = QString::fromUtf8(virNetworkGetName(net)), id = uuidOf(uuid),
                  event](QVirtConnection *q) {
                     Q_EMIT q->networkLifecycle(name, id, static_cast<NetworkEvent>(event));
                 });
}

void onPoolLifecycle(virConnectPtr, virStoragePoolPtr pool, int event, int, void *opaque)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    virStoragePoolGetUUIDString(pool, uuid);
    deliverEvent(opaque,
                 [name = QString::fromUtf8(virStoragePoolGetName(pool)), id = uuidOf(uuid),
                  event](QVirtConnection *q) {
                     Q_EMIT q->storagePoolLifecycle(name, id, static_cast<StoragePoolEvent>(event));
                 });
}

void onPoolRefresh(virConnectPtr, virStoragePoolPtr pool, void *opaque)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    virStoragePoolGetUUIDString(pool, uuid);
    deliverEvent(opaque,
                 [name = QString::fromUtf8(virStoragePoolGetName(pool)), id = uuidOf(uuid)](
                     QVirtConnection *q) { Q_EMIT q->storagePoolRefreshed(name, id); });
}

void onNodeDeviceLifecycle(virConnectPtr, virNodeDevicePtr dev, int event, int, void *opaque)
{
    deliverEvent(opaque,
                 [name = QString::fromUtf8(virNodeDeviceGetName(dev)), event](QVirtConnection *q) {
                     Q_EMIT q->nodeDeviceLifecycle(name, static_cast<NodeDeviceEvent>(event));
                 });
}

void onNodeDeviceUpdate(virConnectPtr, virNodeDevicePtr dev, void *opaque)
{
    deliverEvent(opaque, [name = QString::fromUtf8(virNodeDeviceGetName(dev))](QVirtConnection *q) {
        Q_EMIT q->nodeDeviceUpdated(name);
    });
}

struct SecretIdentity
{
    QUuid uuid;
    SecretUsageType usageType;
    QString usageId;
};

SecretIdentity identify(virSecretPtr secret)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    virSecretGetUUIDString(secret, uuid);
    const char *usageId = virSecretGetUsageID(secret);
    return SecretIdentity{uuidOf(uuid), static_cast<SecretUsageType>(virSecretGetUsageType(secret)),
                          usageId ? QString::fromUtf8(usageId) : QString()};
}

void onSecretLifecycle(virConnectPtr, virSecretPtr secret, int event, int, void *opaque)
{
    deliverEvent(opaque, [s = identify(secret), event](QVirtConnection *q) {
        Q_EMIT q->secretLifecycle(s.uuid, s.usageType, s.usageId, static_cast<SecretEvent>(event));
    });
}

void onSecretValueChanged(virConnectPtr, virSecretPtr secret, void *opaque)
{
    deliverEvent(opaque, [s = identify(secret)](QVirtConnection *q) {
        Q_EMIT q->secretValueChanged(s.uuid, s.usageType, s.usageId);
    });
}

template<int Id, auto Callback>
int registerNetworkEvent(virConnectPtr conn, virDomainPtr, void *opaque, virFreeCallback freecb)
{
    return virConnectNetworkEventRegisterAny(
        conn, nullptr, Id, genericCallback<virConnectNetworkEventGenericCallback>(Callback), opaque,
        freecb);
}

template<int Id, auto Callback>
int registerPoolEvent(virConnectPtr conn, virDomainPtr, void *opaque, virFreeCallback freecb)
{
    return virConnectStoragePoolEventRegisterAny(
        conn, nullptr, Id, genericCallback<virConnectStoragePoolEventGenericCallback>(Callback),
        opaque, freecb);
}

template<int Id, auto Callback>
int registerNodeDeviceEvent(virConnectPtr conn, virDomainPtr, void *opaque, virFreeCallback freecb)
{
    return virConnectNodeDeviceEventRegisterAny(
        conn, nullptr, Id, genericCallback<virConnectNodeDeviceEventGenericCallback>(Callback),
        opaque, freecb);
}

template<int Id, auto Callback>
int registerSecretEvent(virConnectPtr conn, virDomainPtr, void *opaque, virFreeCallback freecb)
{
    return virConnectSecretEventRegisterAny(
        conn, nullptr, Id, genericCallback<virConnectSecretEventGenericCallback>(Callback), opaque,
        freecb);
}

} // namespace

std::vector<EventBinding> objectEventBindings()
{
    using C = QVirtConnection;
    return {
        {"network-lifecycle", QMetaMethod::fromSignal(&C::networkLifecycle),
         &registerNetworkEvent<VIR_NETWORK_EVENT_ID_LIFECYCLE, onNetworkLifecycle>,
         &virConnectNetworkEventDeregisterAny},
        {"pool-lifecycle", QMetaMethod::fromSignal(&C::storagePoolLifecycle),
         &registerPoolEvent<VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, onPoolLifecycle>,
         &virConnectStoragePoolEventDeregisterAny},
        {"pool-refresh", QMetaMethod::fromSignal(&C::storagePoolRefreshed),
         &registerPoolEvent<VIR_STORAGE_POOL_EVENT_ID_REFRESH, onPoolRefresh>,
         &virConnectStoragePoolEventDeregisterAny},
        {"nodedev-lifecycle", QMetaMethod::fromSignal(&C::nodeDeviceLifecycle),
         &registerNodeDeviceEvent<VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, onNodeDeviceLifecycle>,
         &virConnectNodeDeviceEventDeregisterAny},
        {"nodedev-update", QMetaMethod::fromSignal(&C::nodeDeviceUpdated),
         &registerNodeDeviceEvent<VIR_NODE_DEVICE_EVENT_ID_UPDATE, onNodeDeviceUpdate>,
         &virConnectNodeDeviceEventDeregisterAny},
        {"secret-lifecycle", QMetaMethod::fromSignal(&C::secretLifecycle),
         &registerSecretEvent<VIR_SECRET_EVENT_ID_LIFECYCLE, onSecretLifecycle>,
         &virConnectSecretEventDeregisterAny},
        {"secret-value-changed", QMetaMethod::fromSignal(&C::secretValueChanged),
         &registerSecretEvent<VIR_SECRET_EVENT_ID_VALUE_CHANGED, onSecretValueChanged>,
         &virConnectSecretEventDeregisterAny},
    };
}
