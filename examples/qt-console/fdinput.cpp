// SPDX-License-Identifier: LGPL-2.1-or-later
#include "fdinput.h"

#include <QtCore/QByteArray>
#include <QtCore/QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace {

// Small enough that the session can stop reading soon after the console's
// write buffer passes its cap, large enough for a paste to go quickly.
constexpr qsizetype ChunkSize = 16 * 1024;

} // namespace

FdInput::FdInput(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_notifier(new QSocketNotifier(fd, QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, &FdInput::readChunk);
}

void FdInput::setSuspended(bool suspended)
{
    m_suspended = suspended;
    m_notifier->setEnabled(!m_suspended && !m_stopped);
}

void FdInput::readChunk()
{
    QByteArray chunk(ChunkSize, Qt::Uninitialized);
    const ssize_t got = ::read(m_fd, chunk.data(), size_t(chunk.size()));
    if (got > 0) {
        chunk.truncate(got);
        Q_EMIT received(chunk);
        return;
    }
    if (got < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    // A terminal whose other side closed reads as EIO, not as 0.
    if (got == 0 || errno == EIO) {
        stop();
        Q_EMIT ended();
        return;
    }
    m_error = QString::fromLocal8Bit(std::strerror(errno));
    stop();
    Q_EMIT failed();
}

void FdInput::stop()
{
    // At its end an fd stays readable: the notifier would fire forever.
    m_stopped = true;
    m_notifier->setEnabled(false);
}
