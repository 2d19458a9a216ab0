// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_STREAMUPLOAD_H
#define QTVIRT_STREAM_STREAMUPLOAD_H

#include "stream/transferjob.h"

#include <QtCore/QtGlobal>

// Device to stream, then virStreamFinish(): what virStreamSendAll() and
// virStreamSparseSendAll() do, refilled by bytesWritten() instead of a
// blocking loop.
class StreamUpload : public TransferJob
{
public:
    using TransferJob::TransferJob;
    void start() override;
    bool needsDevice() const override { return !m_inputDone; }

private:
    void pump();
    // One step each; false when the transfer failed or must wait.
    bool readFromDevice();
    bool readFromSparseFile();

    // Set for a sparse upload from a regular file, read through its
    // descriptor so that SEEK_DATA/SEEK_HOLE can find the holes.
    int m_fd = -1;
    qint64 m_position = 0;
    qint64 m_size = 0;
    qint64 m_extentEnd = 0;

    bool m_deviceEnded = false;
    bool m_inputDone = false;
    bool m_finishing = false;
};

#endif // QTVIRT_STREAM_STREAMUPLOAD_H
