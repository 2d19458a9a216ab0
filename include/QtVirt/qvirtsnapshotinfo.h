// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTSNAPSHOTINFO_H
#define QTVIRT_QVIRTSNAPSHOTINFO_H

#include <QtVirt/qtvirtglobal.h>

#include <QtCore/QDateTime>
#include <QtCore/QMetaType>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>

class QVirtSnapshotInfoData;

/*!
    \class QVirtSnapshotInfo
    \brief One snapshot of a domain, as QVirtConnection::listDomainSnapshots()
    lists it.

    A small, implicitly shared value: the snapshot's name(), when it was
    taken (creationTime()), the name of its parent() (empty for a snapshot
    taken with no current snapshot) and whether it is the domain's current
    snapshot (isCurrent(): the one the domain was last reverted to or
    snapshotted as, and the parent of the next one).

    \since 0.2
*/
class QTVIRT_EXPORT QVirtSnapshotInfo
{
public:
    /*! An empty value: no name. \since 0.2 */
    QVirtSnapshotInfo();
    /*!
        The snapshot \a name, child of \a parent, taken at \a creationTime;
        \a current tells whether it is the domain's current snapshot.
        \since 0.2
    */
    QVirtSnapshotInfo(const QString &name, const QDateTime &creationTime, const QString &parent,
                      bool current);
    /*! Constructs a copy of \a other. */
    QVirtSnapshotInfo(const QVirtSnapshotInfo &other);
    /*! Moves \a other into a new object; \a other may only be assigned to or destroyed afterwards.
     */
    QVirtSnapshotInfo(QVirtSnapshotInfo &&other) noexcept;
    /*! Assigns \a other to this object and returns a reference to it. */
    QVirtSnapshotInfo &operator=(const QVirtSnapshotInfo &other);
    /*! Moves \a other into this object and returns a reference to it. */
    QVirtSnapshotInfo &operator=(QVirtSnapshotInfo &&other) noexcept;
    /*! Destroys the object. */
    ~QVirtSnapshotInfo();

    /*! The snapshot's name, unique among the domain's snapshots. \since 0.2 */
    QString name() const;
    /*! When it was taken (libvirt keeps whole seconds), in UTC. \since 0.2 */
    QDateTime creationTime() const;
    /*! The name of the snapshot it was taken after, or an empty string. \since 0.2 */
    QString parent() const;
    /*! Returns whether it is the domain's current snapshot. \since 0.2 */
    bool isCurrent() const;
    /*! Returns whether it has no name (a default-constructed value). \since 0.2 */
    bool isNull() const;

private:
    QSharedDataPointer<QVirtSnapshotInfoData> d;
};

Q_DECLARE_METATYPE(QVirtSnapshotInfo)

#endif // QTVIRT_QVIRTSNAPSHOTINFO_H
