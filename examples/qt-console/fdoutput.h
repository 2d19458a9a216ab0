// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTCONSOLE_FDOUTPUT_H
#define QTVIRT_EXAMPLES_QTCONSOLE_FDOUTPUT_H

#include <QtCore/QByteArray>
#include <QtCore/QObject>

class QSocketNotifier;

// Writes to a non-blocking fd (stdout): what the fd does not take at once
// waits in a buffer and goes out when the event loop finds the fd writable.
// bytesToWrite() is what the session throttles on.
class FdOutput : public QObject
{
    Q_OBJECT

public:
    explicit FdOutput(int fd, QObject *parent = nullptr);

    // False once the fd failed; errorString() says why.
    bool write(const QByteArray &data);
    qint64 bytesToWrite() const { return m_buffer.size() - m_offset; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    // Buffered bytes went out; emitted from the event loop only, never from
    // inside write().
    void bytesWritten(qint64 bytes);
    // Writing failed in the event loop; errorString() says why.
    void failed();

private:
    qint64 writePending();
    void flush();

    const int m_fd;
    QSocketNotifier *m_notifier;
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    bool m_failed = false;
    QString m_error;
};

#endif // QTVIRT_EXAMPLES_QTCONSOLE_FDOUTPUT_H
