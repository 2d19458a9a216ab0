// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_STREAMDOWNLOAD_H
#define QTVIRT_STREAM_STREAMDOWNLOAD_H

#include "stream/transferjob.h"

#include <QtCore/QtGlobal>

class QFileDevice;

// Stream to device: what virStreamRecvAll() and virStreamSparseRecvAll()
// do, driven by readyRead() instead of a blocking loop.
class StreamDownload : public TransferJob
{
public:
    using TransferJob::TransferJob;
    void start() override;

private:
    void pump();
    // Takes a hole from the stream: seeked over or punched in a file, or
    // turned into zeros for writeZeros().
    bool startHole(qint64 length);
    // One write of the pending zeros; false when the transfer failed.
    bool writeZeros();
    bool seekPastHole();
    void pumpLater();
    void failWriting();
    void complete();

    // A regular file takes holes as holes: seeked over, or punched where it
    // already had data.
    QFileDevice *m_file = nullptr;
    qint64 m_initialFileSize = 0;

    // Zeros that a hole still owes the device. They go out like data,
    // within the device's write window, so that a hole of any length into
    // a socket or pipe neither piles up in memory nor holds the loop.
    qint64 m_zerosLeft = 0;
    // Where a file continues once its zeros are written, or -1.
    qint64 m_seekAfterZeros = -1;
    bool m_pumpScheduled = false;
};

#endif // QTVIRT_STREAM_STREAMDOWNLOAD_H
