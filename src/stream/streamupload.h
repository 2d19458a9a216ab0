// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_STREAMUPLOAD_H
#define QTVIRT_STREAM_STREAMUPLOAD_H

#include "stream/fileslice.h"
#include "stream/transferjob.h"

#include <QtCore/QString>
#include <QtCore/QtGlobal>

#include <memory>

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
    // Reads a regular file through file slices (fileslice.h) rather than
    // the device, when it is one.
    void useFileSlices();
    // Puts QFile's position right and lets the descriptor go, at the end.
    void releaseFile();
    void pump();
    // One step each; false when the transfer failed or must wait.
    bool readFromDevice();
    bool queueFileSlice();
    // False (the transfer failed) when the file is shorter than it was.
    bool stillWhole();
    // Fails the transfer with DeviceReadError: the file could not be read.
    void failReading(const QString &reason);

    // Set for an upload from a regular file: its slices are queued, and a
    // sparse upload finds the holes through it (SEEK_DATA/SEEK_HOLE).
    std::shared_ptr<const OwnedFd> m_file;
    qint64 m_position = 0;
    qint64 m_size = 0;
    qint64 m_extentEnd = 0;

    bool m_deviceEnded = false;
    bool m_inputDone = false;
    bool m_finishing = false;
};

#endif // QTVIRT_STREAM_STREAMUPLOAD_H
