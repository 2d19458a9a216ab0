// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTSTREAMTRANSFER_H
#define QTVIRT_QVIRTSTREAMTRANSFER_H

#include <QtVirt/qtvirtglobal.h>

#include <QtCore/QObject>

#include <memory>

class QIODevice;
class QVirtStream;
class QVirtStreamTransferPrivate;

/*!
    \class QVirtStreamTransfer
    \brief Moves a whole libvirt stream to or from a file or another QIODevice,
    on the event loop, with progress.

    It does what virStreamRecvAll(), virStreamSendAll() and their sparse
    variants do (and Perl's Sys::Virt::Stream recv_all and send_all), without
    blocking: a Download writes everything the stream delivers into the
    device, an Upload sends the device's contents and finishes the stream.

    With setSparse(), holes survive both ways. A Download into a QFile
    seeks over them (punching the range when the file already had data
    there), and any other device receives zeros. An Upload from a QFile
    finds the file's holes with SEEK_DATA and SEEK_HOLE and sends them with
    virStreamSendHole(). The libvirt API must have been asked for a sparse
    stream (\c VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM,
    \c VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM).

    \code
    auto *stream = new QVirtStream(conn, this);
    virStorageVolUpload(vol, stream->stream(), 0, 0, VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM);
    auto *upload = new QVirtStreamTransfer(stream, &file, QVirtStreamTransfer::Upload, this);
    upload->setSparse(true);
    connect(upload, &QVirtStreamTransfer::finished, this, &Uploader::done);
    upload->start();
    \endcode

    The device must be open; the transfer starts at its current position.
    The stream is opened by start() if it is not open yet. Neither is
    closed at the end, and neither should be used until finished(). At
    finished(), a file's position is at the end of the data.

    \since 0.1
*/
class QTVIRT_EXPORT QVirtStreamTransfer : public QObject
{
    Q_OBJECT

public:
    /*! Which way the data goes. */
    enum Direction {
        Download, ///< From the stream into the device.
        Upload,   ///< From the device into the stream, which is then finished.
    };
    Q_ENUM(Direction)

    /*!
        What went wrong, as error() and errorOccurred() report it, in the
        manner of QAbstractSocket::SocketError. The details are in
        errorString().
        \since 0.2
    */
    enum Error {
        NoError,          ///< Nothing has failed.
        StartError,       ///< start() lacked a stream, or a device open for the direction.
        StreamError,      ///< The stream failed, refused data or was deleted; see its error().
        DeviceReadError,  ///< An Upload could not read the device, or it was deleted.
        DeviceWriteError, ///< A Download could not write to the device, or it was deleted.
        CanceledError,    ///< cancel() ended the transfer.
    };
    Q_ENUM(Error)

    /*!
        Prepares a transfer between \a stream and \a device in \a direction, as a child of
        \a parent. Neither \a stream nor \a device is owned.
    */
    QVirtStreamTransfer(QVirtStream *stream, QIODevice *device, Direction direction,
                        QObject *parent = nullptr);
    /*! Destroys the transfer object; the stream and the device, which it does not own, are left as
     * they are. */
    ~QVirtStreamTransfer() override;

    /*! The direction given to the constructor. */
    Direction direction() const;

    /*!
        Returns whether holes are kept; off by default.
    */
    bool isSparse() const;

    /*! Keeps holes when \a sparse is \c true. Takes effect at start(). */
    void setSparse(bool sparse);

    /*! Bytes of the stream handled so far, holes included. */
    qint64 bytesTransferred() const;

    /*! Of bytesTransferred(), the bytes that went as holes. */
    qint64 holeBytes() const;

    /*!
        The size of the whole transfer, when known (an Upload from a device
        that is not sequential), or -1.
    */
    qint64 bytesTotal() const;

    /*!
        Returns true once finished() was emitted.
    */
    bool isFinished() const;

    /*! What failed, or NoError. \since 0.2 */
    Error error() const;

    /*! What error() means, in words, or an empty string. */
    QString errorString() const;

public Q_SLOTS:
    /*! Starts moving data. Has no effect when already started. */
    void start();

    /*! Aborts the stream and ends the transfer with an error. */
    void cancel();

Q_SIGNALS:
    /*! Some data moved: \a bytesTransferred of \a bytesTotal (-1 when unknown). */
    void progress(qint64 bytesTransferred, qint64 bytesTotal);

    /*!
        The transfer failed with \a error; errorString() says why. error()
        and errorString() are already set when this is emitted, and
        finished() follows.
        \since 0.2
    */
    void errorOccurred(QVirtStreamTransfer::Error error);

    /*! The transfer ended, successfully unless errorOccurred() came first. */
    void finished();

private:
    // QVirtConnection's volume transfers start one whose stream comes later.
    friend class QVirtStreamTransferPrivate;
    Q_DISABLE_COPY(QVirtStreamTransfer)
    const std::unique_ptr<QVirtStreamTransferPrivate> d;
};

#endif // QTVIRT_QVIRTSTREAMTRANSFER_H
