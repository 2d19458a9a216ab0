// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_STREAMDOWNLOAD_H
#define QTVIRT_STREAM_STREAMDOWNLOAD_H

#include "stream/transferjob.h"

#include <QtCore/QtGlobal>

#include <memory>

class FileWriter;
class QFileDevice;

// Stream to device: what virStreamRecvAll() and virStreamSparseRecvAll()
// do, driven by readyRead() instead of a blocking loop.
class StreamDownload : public TransferJob
{
public:
    explicit StreamDownload(QVirtStreamTransferPrivate &transfer);
    ~StreamDownload() override;
    void start() override;

private:
    void pump();
    void pumpToFile();
    void pumpToDevice();
    bool writeZeros(qint64 length);
    void completeIfDone();
    void complete();

    // A regular file is written from a thread of its own, and takes holes
    // as holes: stepped over, or punched where it already had data.
    QFileDevice *m_file = nullptr;
    std::unique_ptr<FileWriter> m_writer;
};

#endif // QTVIRT_STREAM_STREAMDOWNLOAD_H
