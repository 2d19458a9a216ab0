// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QtVirt/qvirtvolumeinfo.h>

#include <QtCore/QSharedData>

class QVirtVolumeInfoData : public QSharedData
{
public:
    QString name;
    QString path;
    QString format;
    qint64 capacity = 0;
    qint64 allocation = 0;
    qint64 physical = 0;
};

QVirtVolumeInfo::QVirtVolumeInfo()
    : d(new QVirtVolumeInfoData)
{ }

QVirtVolumeInfo::QVirtVolumeInfo(const QString &name, const QString &path, const QString &format,
                                 qint64 capacity, qint64 allocation, qint64 physical)
    : d(new QVirtVolumeInfoData)
{
    d->name = name;
    d->path = path;
    d->format = format;
    d->capacity = capacity;
    d->allocation = allocation;
    d->physical = physical;
}

QVirtVolumeInfo::QVirtVolumeInfo(const QVirtVolumeInfo &other) = default;
QVirtVolumeInfo::QVirtVolumeInfo(QVirtVolumeInfo &&other) noexcept = default;
QVirtVolumeInfo &QVirtVolumeInfo::operator=(const QVirtVolumeInfo &other) = default;
QVirtVolumeInfo &QVirtVolumeInfo::operator=(QVirtVolumeInfo &&other) noexcept = default;
QVirtVolumeInfo::~QVirtVolumeInfo() = default;

QString QVirtVolumeInfo::name() const
{
    return d->name;
}

QString QVirtVolumeInfo::path() const
{
    return d->path;
}

QString QVirtVolumeInfo::format() const
{
    return d->format;
}

qint64 QVirtVolumeInfo::capacity() const
{
    return d->capacity;
}

qint64 QVirtVolumeInfo::physical() const
{
    return d->physical;
}

qint64 QVirtVolumeInfo::allocation() const
{
    return d->allocation;
}

bool QVirtVolumeInfo::isSparse() const
{
    return d->allocation < d->physical;
}

bool QVirtVolumeInfo::isNull() const
{
    return d->name.isEmpty();
}
