// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTCONSOLE_CONSOLESESSION_H
#define QTVIRT_EXAMPLES_QTCONSOLE_CONSOLESESSION_H

#include "escapefilter.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <optional>

class FdInput;
class FdOutput;
class QVirtStream;

// Moves keystrokes from input to the console stream and the guest's output
// from the stream to output, with backpressure both ways: input is not read
// while the stream holds too much unsent, and the stream is not read while
// output is blocked (its read cap then stops libvirt from being asked for
// more). Nothing is ever dropped on the way.
class ConsoleSession : public QObject
{
    Q_OBJECT

public:
    enum class End {
        Escaped,      // the escape character came from the keyboard
        InputEnded,   // input ended; everything was sent, the rest printed
        StreamEnded,  // libvirt ended the stream: the console closed
        StreamFailed, // the stream broke; see errorString()
        InputFailed,  // reading input failed; see errorString()
        OutputFailed, // writing output failed; see errorString()
    };
    Q_ENUM(End)

    // The stream must be open for reading and writing. Without an escape
    // character (piped input) every byte passes through.
    ConsoleSession(QVirtStream *stream, FdInput *input, FdOutput *output,
                   std::optional<EscapeFilter> escape, QObject *parent = nullptr);

    QString errorString() const { return m_error; }

Q_SIGNALS:
    // Emitted once; nothing moves afterwards.
    void ended(ConsoleSession::End end);

private:
    void sendInput(const QByteArray &data);
    void updateInputFlow();
    void onInputEnded();
    void onStreamFinished();
    void onStreamError();
    void pullOutput();
    void drainThenEnd(End end);
    void checkDrained();
    void end(End end, const QString &error = QString());

    QVirtStream *const m_stream;
    FdInput *const m_input;
    FdOutput *const m_output;
    const std::optional<EscapeFilter> m_escape;
    bool m_inputEnded = false;
    std::optional<End> m_draining;
    bool m_ended = false;
    QTimer m_drainTimer;
    QString m_error;
};

#endif // QTVIRT_EXAMPLES_QTCONSOLE_CONSOLESESSION_H
