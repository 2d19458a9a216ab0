// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTCONSOLE_FDINPUT_H
#define QTVIRT_EXAMPLES_QTCONSOLE_FDINPUT_H

#include <QtCore/QObject>

class QSocketNotifier;

// Reads a non-blocking fd (stdin) whenever the event loop finds it readable,
// one bounded chunk per notification, and can be suspended for flow control:
// while suspended, nothing is read and the data waits in the kernel, which
// in turn holds back the writer.
class FdInput : public QObject
{
    Q_OBJECT

public:
    explicit FdInput(int fd, QObject *parent = nullptr);

    void setSuspended(bool suspended);
    bool isSuspended() const { return m_suspended; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void received(const QByteArray &data);
    // End of input: a pipe or file ended, or a terminal hung up.
    void ended();
    void failed();

private:
    void readChunk();
    void stop();

    const int m_fd;
    QSocketNotifier *m_notifier;
    bool m_suspended = false;
    bool m_stopped = false;
    QString m_error;
};

#endif // QTVIRT_EXAMPLES_QTCONSOLE_FDINPUT_H
