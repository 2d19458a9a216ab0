// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_FILEWRITER_H
#define QTVIRT_STREAM_FILEWRITER_H

#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtCore/QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

// Writes a download into a regular file from a thread of its own.
//
// Writing 256 KiB into the page cache takes about as long as receiving it,
// and while the loop thread writes, nobody drains the connection's socket,
// so the daemon waits too. virsh overlaps the two with its event thread;
// here the loop thread only hands chunks over and goes back to libvirt.
//
// Everything but the thread itself belongs to the thread that made the
// writer, which also hears of the progress through the callback.
class FileWriter : public QObject
{
public:
    struct Progress
    {
        qint64 data = 0;  // bytes written
        qint64 holes = 0; // bytes of holes stepped over
    };

    // Writes at offset and beyond; the descriptor's own offset stays as
    // it is. Where a hole falls on data the file had before, it is
    // punched, or filled with zeros where the file system cannot punch.
    // onProgress runs in the owner's thread after each chunk or hole, in
    // order, and may delete the writer.
    FileWriter(int fd, qint64 offset, qint64 initialFileSize,
               std::function<void(Progress)> onProgress);
    ~FileWriter() override;

    void write(QByteArray chunk);
    void skip(qint64 hole);

    // Queued, not yet reported written.
    qint64 backlog() const { return m_backlog; }
    bool isIdle() const { return m_backlog == 0 && m_outstanding == 0; }
    // Where the file ends once the queue is written.
    qint64 endOffset() const { return m_end; }
    // Empty while all is well; the first failure stops all writing.
    QString errorString() const { return m_error; }
    // A buffer that has been written, for the next chunk to receive into.
    QByteArray takeWrittenBuffer() { return std::exchange(m_written, QByteArray()); }

protected:
    bool event(QEvent *event) override;

private:
    struct Job
    {
        qint64 offset = 0;
        QByteArray data;
        qint64 hole = 0;
        // Of the hole, the bytes that fall on the file's old data.
        qint64 punch = 0;
    };

    void enqueue(Job job);
    void run();
    // Returns errno, 0 on success.
    static int perform(int fd, const Job &job);
    void completed(Job job, int error);

    const int m_fd;
    const qint64 m_initialFileSize;
    const std::function<void(Progress)> m_onProgress;

    // The owner's thread only.
    qint64 m_end;
    qint64 m_backlog = 0;
    int m_outstanding = 0;
    QString m_error;
    QByteArray m_written;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;

    std::thread m_thread;
};

#endif // QTVIRT_STREAM_FILEWRITER_H
