// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_COMMON_TERMINATIONSIGNALS_H
#define QTVIRT_EXAMPLES_COMMON_TERMINATIONSIGNALS_H

#include <QtCore/QObject>

class QSocketNotifier;

// Turns SIGINT, SIGTERM and SIGHUP into a Qt signal, through a signalfd
// watched by the event loop: nothing runs in signal context and no thread is
// needed, so a program can restore what it changed (a terminal's mode, a
// libvirt stream) on its normal way out.
class TerminationSignals : public QObject
{
    Q_OBJECT

public:
    // Blocks or unblocks the signals in the calling thread. Block them first
    // in main(), before any thread exists, so that every later thread
    // inherits the mask and none takes the signals the default way.
    static bool setBlocked(bool blocked);

    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

    // False when the signalfd could not be created; errorString() says why.
    bool isValid() const { return m_fd >= 0; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void received(int signalNumber);

private:
    void readPending();

    int m_fd = -1;
    QString m_error;
    QSocketNotifier *m_notifier = nullptr;
};

#endif // QTVIRT_EXAMPLES_COMMON_TERMINATIONSIGNALS_H
