// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stream/filewriter.h"

#include "common/crossthreadcall.h"
#include "stream/localholes.h"
#include "stream/streamlimits.h"

#include <algorithm>
#include <cerrno>
#include <unistd.h>

namespace {

int writeAll(int fd, const char *data, qint64 size, qint64 offset)
{
    while (size > 0) {
        const ssize_t done = ::pwrite(fd, data, size_t(size), off_t(offset));
        if (done < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data += done;
        size -= done;
        offset += done;
    }
    return 0;
}

int writeZeros(int fd, qint64 offset, qint64 length)
{
    const QByteArray zeros(std::min(length, StreamMessagePayloadMax), '\0');
    while (length > 0) {
        const qint64 step = std::min<qint64>(length, zeros.size());
        if (const int error = writeAll(fd, zeros.constData(), step, offset))
            return error;
        offset += step;
        length -= step;
    }
    return 0;
}

} // namespace

FileWriter::FileWriter(int fd, qint64 offset, qint64 initialFileSize,
                       std::function<void(Progress)> onProgress)
    : m_fd(fd)
    , m_initialFileSize(initialFileSize)
    , m_onProgress(std::move(onProgress))
    , m_end(offset)
    , m_thread([this] { run(); })
{ }

FileWriter::~FileWriter()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    // What is still queued is dropped: the transfer has failed or was
    // abandoned. Reports already posted die with this object.
    m_thread.join();
}

void FileWriter::write(QByteArray chunk)
{
    if (chunk.isEmpty())
        return;
    Job job;
    job.offset = m_end;
    m_end += chunk.size();
    m_backlog += chunk.size();
    job.data = std::move(chunk);
    enqueue(std::move(job));
}

void FileWriter::skip(qint64 hole)
{
    if (hole <= 0)
        return;
    Job job;
    job.offset = m_end;
    job.hole = hole;
    // Stepping over old data would leave it in place.
    job.punch = std::clamp(m_initialFileSize - m_end, qint64(0), hole);
    m_end += hole;
    enqueue(std::move(job));
}

void FileWriter::enqueue(Job job)
{
    ++m_outstanding;
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void FileWriter::run()
{
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        const int error = perform(m_fd, job);
        CrossThreadCall::post(this, [this, job = std::move(job), error]() mutable {
            completed(std::move(job), error);
        });
        if (error)
            return;
    }
}

int FileWriter::perform(int fd, const Job &job)
{
    if (!job.data.isEmpty())
        return writeAll(fd, job.data.constData(), job.data.size(), job.offset);
    if (job.punch > 0 && !LocalHoles::punch(fd, job.offset, job.punch))
        return writeZeros(fd, job.offset, job.punch);
    return 0;
}

void FileWriter::completed(Job job, int error)
{
    const qint64 size = job.data.size();
    m_backlog -= size;
    --m_outstanding;
    if (error) {
        if (m_error.isEmpty())
            m_error = qt_error_string(error);
        m_onProgress(Progress{});
        return;
    }
    if (job.data.isDetached())
        m_written = std::move(job.data);
    m_onProgress(Progress{size, job.hole});
}

bool FileWriter::event(QEvent *event)
{
    return CrossThreadCall::deliver(event) || QObject::event(event);
}
