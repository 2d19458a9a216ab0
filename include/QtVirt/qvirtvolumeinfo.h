// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTVOLUMEINFO_H
#define QTVIRT_QVIRTVOLUMEINFO_H

#include <QtVirt/qtvirtglobal.h>

#include <QtCore/QMetaType>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>

class QVirtVolumeInfoData;

/*!
    \class QVirtVolumeInfo
    \brief One volume of a storage pool, as
    QVirtConnection::listStorageVolumes() lists it.

    A small, implicitly shared value: the volume's name() (what
    QVirtConnection::downloadVolume() and uploadVolume() take), its path()
    on the daemon's host and its format() (\c raw, \c qcow2...), and three
    sizes: capacity() (the disk a guest sees), physical() (the file or
    device that holds it on the host: what a download transfers) and
    allocation() (the bytes that file occupies). A file that occupies less
    than its size has holes (isSparse()), which a sparse transfer keeps.

    \since 0.2
*/
class QTVIRT_EXPORT QVirtVolumeInfo
{
public:
    /*! An empty value: no name. \since 0.2 */
    QVirtVolumeInfo();
    /*!
        The volume \a name at \a path, in \a format, of \a capacity bytes,
        held by a file (or device) of \a physical bytes of which
        \a allocation are allocated on the host.
        \since 0.2
    */
    QVirtVolumeInfo(const QString &name, const QString &path, const QString &format,
                    qint64 capacity, qint64 allocation, qint64 physical);
    /*! Constructs a copy of \a other. */
    QVirtVolumeInfo(const QVirtVolumeInfo &other);
    /*! Moves \a other into a new object; \a other may only be assigned to or destroyed afterwards.
     */
    QVirtVolumeInfo(QVirtVolumeInfo &&other) noexcept;
    /*! Assigns \a other to this object and returns a reference to it. */
    QVirtVolumeInfo &operator=(const QVirtVolumeInfo &other);
    /*! Moves \a other into this object and returns a reference to it. */
    QVirtVolumeInfo &operator=(QVirtVolumeInfo &&other) noexcept;
    /*! Destroys the object. */
    ~QVirtVolumeInfo();

    /*! The volume's name, unique in its pool. \since 0.2 */
    QString name() const;
    /*! Where the volume is on the daemon's host (virStorageVolGetPath()). \since 0.2 */
    QString path() const;
    /*! Its format as libvirt names it (\c raw, \c qcow2...); empty when it has none. \since 0.2 */
    QString format() const;
    /*! Its size as a guest sees it, in bytes. \since 0.2 */
    qint64 capacity() const;
    /*!
        The size of the file or device that holds it, in bytes: what a
        download transfers. The capacity where libvirt does not report it.
        \since 0.2
    */
    qint64 physical() const;
    /*! The bytes its file occupies on the host. \since 0.2 */
    qint64 allocation() const;
    /*! Returns whether its file occupies less than its size: it has holes. \since 0.2 */
    bool isSparse() const;
    /*! Returns whether it has no name (a default-constructed value). \since 0.2 */
    bool isNull() const;

private:
    QSharedDataPointer<QVirtVolumeInfoData> d;
};

Q_DECLARE_METATYPE(QVirtVolumeInfo)

#endif // QTVIRT_QVIRTVOLUMEINFO_H
