// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTSTREAM_H
#define QTVIRT_QVIRTSTREAM_H

#include <QtVirt/qtvirtglobal.h>

#include <QtCore/QIODevice>

#include <libvirt/libvirt.h>

#include <memory>

class QVirtStreamPrivate;

/*!
    \class QVirtStream
    \brief A QIODevice over a libvirt stream, driven by the Qt event loop.

    A libvirt stream carries the data of a volume download or upload, a
    domain console or channel, or a screenshot. QVirtStream buffers it in
    both directions and moves it whenever libvirt reports the stream ready,
    through the event loop that QtVirtEventImpl::registerImpl() installed:
    no thread and no blocking call, except the round trips to the daemon
    that virStreamFinish() and virStreamAbort() make.

    Hand stream() to the libvirt API first, then open() the device in the
    direction that API gives the stream:

    \code
    auto *stream = new QVirtStream(conn, this);
    virStorageVolDownload(vol, stream->stream(), 0, 0, 0);
    stream->open(QIODevice::ReadOnly);
    connect(stream, &QIODevice::readyRead, this, [=] { file.write(stream->readAll()); });
    connect(stream, &QVirtStream::finished, this, &Saver::done);
    \endcode

    Use \c ReadOnly for downloads and screenshots, \c WriteOnly for
    uploads, and \c ReadWrite for consoles and channels.

    readyRead() is emitted when new data arrives, as for QAbstractSocket.
    A reader that stops reading while data is left (its own backpressure)
    does not get readyRead() again for what is already buffered: it reads
    bytesAvailable() when it is ready again. While the read buffer is at
    readBufferSize(), no more data is taken from libvirt.

    write() never refuses bytes for want of room: like QAbstractSocket and
    QProcess, the stream buffers all of them, without a cap, and sends them
    whenever libvirt reports the stream writable (at most 1 MiB per event).
    A program that produces data faster than the far end takes it keeps
    its own window with bytesToWrite() and bytesWritten(), as
    QVirtStreamTransfer does with 4 MiB. A cap would only turn that
    backpressure into short writes, which most QIODevice code does not
    expect.

    When the other end finishes first, whatever write() buffered and
    libvirt never took is dropped, and errorOccurred() reports
    \c WriteError with the number of bytes before finished() comes, for
    example when a readyRead() slot answers the data that came with the
    end.

    Sparse streams (\c VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM,
    \c VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM) keep their holes when
    setSparse() is on: a hole received stops read() at its place until
    skipHole() takes it, and writeHole() sends one. QVirtStreamTransfer
    moves a whole stream to or from a file or any other QIODevice.

    The object must live in the thread that runs libvirt's event loop.
    Without QtVirtEventImpl::registerImpl(), open() fails with an
    OpenError, and the first QVirtStream of the process says so with a
    warning on the \c qtvirt.stream logging category.

    \since 0.1
*/
class QTVIRT_EXPORT QVirtStream : public QIODevice
{
    Q_OBJECT

public:
    /*!
        What went wrong, as error() and errorOccurred() report it. The
        details, with libvirt's own message where there is one, are in
        errorString().
    */
    enum Error {
        NoError,         ///< Nothing has failed since the stream was opened.
        OpenError,       ///< open() could not start watching the stream.
        ReadError,       ///< virStreamRecv() or virStreamRecvHole() failed.
        WriteError,      ///< virStreamSend() or virStreamSendHole() failed.
        FinishError,     ///< virStreamFinish() reported an error of the transfer.
        ConnectionError, ///< libvirt reported an error or hangup event.
        OperationError,  ///< A call the stream's state does not allow; the stream is unharmed.
    };
    Q_ENUM(Error)

    /*!
        Creates a new non-blocking stream (\c VIR_STREAM_NONBLOCK) on \a conn, as a child of
        \a parent.
    */
    explicit QVirtStream(virConnectPtr conn, QObject *parent = nullptr);

    /*!
        Adopts \a stream, which must be non-blocking, and takes a reference
        of its own on it (virStreamRef()).

        libvirt offers no way from a stream to its connection, so an adopted
        stream cannot notice that the connection was lost while it waits
        for data; the other constructor can, and reports a ConnectionError.
    */
    explicit QVirtStream(virStreamPtr stream, QObject *parent = nullptr);

    /*!
        Aborts the stream if it has neither finished nor failed, and drops
        the reference.
    */
    ~QVirtStream() override;

    /*! The libvirt stream, to hand to the API that starts the transfer. */
    virStreamPtr stream() const;

    /*!
        Starts watching the stream, which must already be in use by a libvirt
        API, and opens the device in \a mode. A stream can be opened once:
        after close() it stays closed. Returns \c false, with an
        OpenError or OperationError, when it cannot.
    */
    bool open(OpenMode mode) override;

    /*!
        Aborts the stream unless it has finished, and closes the device.
        Bytes not yet sent are discarded: call finish() first to keep them.
    */
    void close() override;

    /*!
        Returns true: a stream has no position.
    */
    bool isSequential() const override;

    /*!
        Returns true once the end of the stream has been received and everything before it
        has been read, or once the stream can deliver nothing more.
    */
    bool atEnd() const override;

    /*! Bytes that read() returns now, up to the next hole. */
    qint64 bytesAvailable() const override;

    /*!
        Bytes written but not yet accepted by libvirt. The write buffer has
        no cap: see the class description.
    */
    qint64 bytesToWrite() const override;

    /*! \reimp */
    bool canReadLine() const override;

    /*!
        Runs a nested event loop until readyRead() has been emitted, or the
        stream ended or failed, or \a msecs passed (-1: no limit). Returns
        \c true when new data (or a hole) arrived.
    */
    bool waitForReadyRead(int msecs) override;

    /*!
        Runs a nested event loop until libvirt accepted some pending bytes,
        or the stream failed, or \a msecs passed (-1: no limit). Returns
        \c true when bytesWritten() was emitted.
    */
    bool waitForBytesWritten(int msecs) override;

    /*! The read buffer cap in bytes; 0 means no cap. */
    qint64 readBufferSize() const;

    /*!
        Caps the read buffer at \a size bytes (0: no cap; the default is
        1 MiB). While it is full, the stream stops asking libvirt for data,
        until the application reads. A negative \a size is refused with a
        warning on the \c qtvirt.stream logging category, and the cap in
        force stays.

        libvirt's client queues whatever reaches a connection for a remote
        stream, so a full buffer also holds back the reads of the
        connection's socket, as long as no other stream on that connection
        wants data; libvirt's protocol has no flow control per stream.
        Meanwhile the connection's events wait, while plain calls and
        keepalive still get through. This needs the stream opened in the
        thread of QtVirtEventImpl::registerImpl().
    */
    void setReadBufferSize(qint64 size);

    /*!
        Returns whether holes are kept rather than read as zeros.
    */
    bool isSparse() const;

    /*!
        Keeps the holes of a sparse stream when \a sparse is \c true
        (\c VIR_STREAM_RECV_STOP_AT_HOLE). Off, holes read as zeros.
    */
    void setSparse(bool sparse);

    /*!
        The length of the hole at the read position, or 0 when data (or
        nothing) comes first. read() returns nothing until it is skipped.
    */
    qint64 holeSize() const;

    /*! Takes the hole at the read position and returns its length, or 0. */
    qint64 skipHole();

    /*!
        Queues a hole of \a length bytes after the bytes written so far, for
        virStreamSendHole(). Needs a sparse upload stream. Returns \c false,
        with an OperationError, when the stream cannot take it.
    */
    bool writeHole(qint64 length);

    /*! The last error, or NoError: a successful open() resets it. */
    Error error() const;

    /*!
        Returns true once finish() completed or the end of the stream was received.
    */
    bool isFinished() const;

public Q_SLOTS:
    /*!
        Sends what is still buffered, then calls virStreamFinish(), and emits
        finished(), or errorOccurred() with FinishError. Returns \c false
        when the stream cannot finish, for example after it failed.
    */
    bool finish();

    /*!
        Calls virStreamAbort() and discards the bytes not yet sent. The data
        already received stays readable.
    */
    void abort();

Q_SIGNALS:
    /*!
        The transfer completed: virStreamFinish() succeeded, after the end of
        the stream was received or after finish().
    */
    void finished();

    /*! The stream failed with \a error, or a call was refused; see errorString(). */
    void errorOccurred(QVirtStream::Error error);

protected:
    /*!
        Copies up to \a maxSize buffered bytes into \a data, up to the next hole. Returns
        the number of bytes copied, 0 when none are buffered, and -1 once the stream has
        ended and the buffer is empty.
    */
    qint64 readData(char *data, qint64 maxSize) override;

    /*!
        Buffers the \a size bytes at \a data, all of them, for sending whenever libvirt
        reports the stream writable. Returns \a size, or -1 once the stream has ended or
        finish() was called.
    */
    qint64 writeData(const char *data, qint64 size) override;

private:
    friend class QVirtStreamPrivate;
    Q_DISABLE_COPY(QVirtStream)
    const std::unique_ptr<QVirtStreamPrivate> d;
};

#endif // QTVIRT_QVIRTSTREAM_H
