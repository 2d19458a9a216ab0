// SPDX-License-Identifier: LGPL-2.1-or-later
#include "fdoutput.h"

#include <QtCore/QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <unistd.h>

FdOutput::FdOutput(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_notifier(new QSocketNotifier(fd, QSocketNotifier::Write, this))
{
    // A writable fd would wake the loop on every pass: listen only while
    // bytes wait (virsh console does the same).
    m_notifier->setEnabled(false);
    connect(m_notifier, &QSocketNotifier::activated, this, &FdOutput::flush);
}

bool FdOutput::write(const QByteArray &data)
{
    if (m_failed)
        return false;
    m_buffer.append(data);
    return writePending() >= 0;
}

qint64 FdOutput::writePending()
{
    qint64 written = 0;
    while (bytesToWrite() > 0) {
        const ssize_t done = ::write(m_fd, m_buffer.constData() + m_offset, size_t(bytesToWrite()));
        if (done < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN)
                break;
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            m_failed = true;
            m_buffer.clear();
            m_offset = 0;
            m_notifier->setEnabled(false);
            return -1;
        }
        m_offset += done;
        written += done;
    }
    if (bytesToWrite() == 0) {
        m_buffer.clear();
        m_offset = 0;
    } else if (m_offset > m_buffer.size() / 2) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_notifier->setEnabled(bytesToWrite() > 0);
    return written;
}

void FdOutput::flush()
{
    const qint64 written = writePending();
    if (written < 0)
        Q_EMIT failed();
    else if (written > 0)
        Q_EMIT bytesWritten(written);
}
