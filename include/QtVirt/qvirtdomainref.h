// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTDOMAINREF_H
#define QTVIRT_QVIRTDOMAINREF_H

#include <QtVirt/qtvirtglobal.h>

#include <QtCore/QMetaType>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>
#include <QtCore/QUuid>

class QDebug;
class QVirtDomainRefData;

/*!
    \class QVirtDomainRef
    \brief Names one domain: its name, UUID and, while it runs, its id.

    A small, implicitly shared value: events carry it, and domain
    operations of QVirtConnection take it. It holds no libvirt handle, so it
    can be kept, queued across threads and stored in a QVariant freely; the
    operations look the domain up by UUID, or by name when the UUID is null.

    \since 0.1
*/
class QTVIRT_EXPORT QVirtDomainRef
{
    Q_GADGET
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(QUuid uuid READ uuid CONSTANT)
    Q_PROPERTY(QString uuidString READ uuidString CONSTANT)
    Q_PROPERTY(int id READ id CONSTANT)
    Q_PROPERTY(bool valid READ isValid CONSTANT)

public:
    /*! An invalid reference. \since 0.1 */
    QVirtDomainRef();
    /*! \a id is -1 for a domain that does not run. \since 0.1 */
    QVirtDomainRef(const QString &name, const QUuid &uuid, int id = -1);
    /*! Constructs a copy of \a other. */
    QVirtDomainRef(const QVirtDomainRef &other);
    /*! Moves \a other into a new object; \a other may only be assigned to or destroyed afterwards.
     */
    QVirtDomainRef(QVirtDomainRef &&other) noexcept;
    /*! Assigns \a other to this object and returns a reference to it. */
    QVirtDomainRef &operator=(const QVirtDomainRef &other);
    /*! Moves \a other into this object and returns a reference to it. */
    QVirtDomainRef &operator=(QVirtDomainRef &&other) noexcept;
    /*! Destroys the object. */
    ~QVirtDomainRef();

    /*! \since 0.1 */
    QString name() const;
    /*! \since 0.1 */
    QUuid uuid() const;
    /*! The UUID without braces, as libvirt and virsh print it. \since 0.1 */
    QString uuidString() const;
    /*! The hypervisor's id of a running domain, or -1. \since 0.1 */
    int id() const;
    /*!
        Returns true when the reference has a name or a UUID.
        \since 0.1
    */
    bool isValid() const;

    /*! Equal when name, UUID and id are. \since 0.1 */
    friend QTVIRT_EXPORT bool operator==(const QVirtDomainRef &a, const QVirtDomainRef &b);
    /*! Returns true unless \a a and \a b are equal. \since 0.1 */
    friend bool operator!=(const QVirtDomainRef &a, const QVirtDomainRef &b) { return !(a == b); }

private:
    QSharedDataPointer<QVirtDomainRefData> d;
};

/*!
    Writes \a domain, its name, UUID and id, to \a debug.
    \since 0.1
*/
QTVIRT_EXPORT QDebug operator<<(QDebug debug, const QVirtDomainRef &domain);

Q_DECLARE_METATYPE(QVirtDomainRef)

#endif // QTVIRT_QVIRTDOMAINREF_H
