// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_TRANSFERJOB_H
#define QTVIRT_STREAM_TRANSFERJOB_H

class QVirtStreamTransferPrivate;

// One direction of a QVirtStreamTransfer. It connects to the stream's and
// device's signals in start(), with the transfer as context, and reports
// through the transfer's private.
class TransferJob
{
public:
    explicit TransferJob(QVirtStreamTransferPrivate &transfer)
        : t(transfer)
    { }
    virtual ~TransferJob() = default;
    TransferJob(const TransferJob &) = delete;
    TransferJob &operator=(const TransferJob &) = delete;

    virtual void start() = 0;
    // Whether losing the device now fails the transfer: an upload that read
    // all of it only has to finish the stream.
    virtual bool needsDevice() const { return true; }

protected:
    QVirtStreamTransferPrivate &t;
};

#endif // QTVIRT_STREAM_TRANSFERJOB_H
