// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QtVirt/qvirtsnapshotinfo.h>

#include <QtCore/QSharedData>

class QVirtSnapshotInfoData : public QSharedData
{
public:
    QString name;
    QDateTime creationTime;
    QString parent;
    bool current = false;
};

QVirtSnapshotInfo::QVirtSnapshotInfo()
    : d(new QVirtSnapshotInfoData)
{ }

QVirtSnapshotInfo::QVirtSnapshotInfo(const QString &name, const QDateTime &creationTime,
                                     const QString &parent, bool current)
    : d(new QVirtSnapshotInfoData)
{
    d->name = name;
    d->creationTime = creationTime;
    d->parent = parent;
    d->current = current;
}

QVirtSnapshotInfo::QVirtSnapshotInfo(const QVirtSnapshotInfo &other) = default;
QVirtSnapshotInfo::QVirtSnapshotInfo(QVirtSnapshotInfo &&other) noexcept = default;
QVirtSnapshotInfo &QVirtSnapshotInfo::operator=(const QVirtSnapshotInfo &other) = default;
QVirtSnapshotInfo &QVirtSnapshotInfo::operator=(QVirtSnapshotInfo &&other) noexcept = default;
QVirtSnapshotInfo::~QVirtSnapshotInfo() = default;

QString QVirtSnapshotInfo::name() const
{
    return d->name;
}

QDateTime QVirtSnapshotInfo::creationTime() const
{
    return d->creationTime;
}

QString QVirtSnapshotInfo::parent() const
{
    return d->parent;
}

bool QVirtSnapshotInfo::isCurrent() const
{
    return d->current;
}

bool QVirtSnapshotInfo::isNull() const
{
    return d->name.isEmpty();
}
