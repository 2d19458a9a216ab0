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
    bool skipHole(qint64 length);
    bool writeZeros(qint64 length);
    void failWriting();
    void complete();

    // A regular file takes holes as holes: seeked over, or punched where it
    // already had data.
    QFileDevice *m_file = nullptr;
    qint64 m_initialFileSize = 0;
};

#endif // QTVIRT_STREAM_STREAMDOWNLOAD_H
