// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QtVirt/qvirtdomainref.h>

#include <QtCore/QDebug>

class QVirtDomainRefData : public QSharedData
{
public:
    QString name;
    QUuid uuid;
    int id = -1;
};

QVirtDomainRef::QVirtDomainRef()
    : d(new QVirtDomainRefData)
{ }

QVirtDomainRef::QVirtDomainRef(const QString &name, const QUuid &uuid, int id)
    : d(new QVirtDomainRefData)
{
    d->name = name;
    d->uuid = uuid;
    d->id = id;
}

QVirtDomainRef::QVirtDomainRef(const QVirtDomainRef &other) = default;
QVirtDomainRef::QVirtDomainRef(QVirtDomainRef &&other) noexcept = default;
QVirtDomainRef &QVirtDomainRef::operator=(const QVirtDomainRef &other) = default;
QVirtDomainRef &QVirtDomainRef::operator=(QVirtDomainRef &&other) noexcept = default;
QVirtDomainRef::~QVirtDomainRef() = default;

QString QVirtDomainRef::name() const
{
    return d->name;
}

QUuid QVirtDomainRef::uuid() const
{
    return d->uuid;
}

QString QVirtDomainRef::uuidString() const
{
    return d->uuid.isNull() ? QString() : d->uuid.toString(QUuid::WithoutBraces);
}

int QVirtDomainRef::id() const
{
    return d->id;
}

bool QVirtDomainRef::isValid() const
{
    return !d->name.isEmpty() || !d->uuid.isNull();
}

bool operator==(const QVirtDomainRef &a, const QVirtDomainRef &b)
{
    return a.d == b.d || (a.d->name == b.d->name && a.d->uuid == b.d->uuid && a.d->id == b.d->id);
}

QDebug operator<<(QDebug debug, const QVirtDomainRef &domain)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "QVirtDomainRef(" << domain.name() << ", " << domain.uuidString() << ", "
                    << domain.id() << ')';
    return debug;
}
