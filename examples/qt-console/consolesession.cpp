// SPDX-License-Identifier: LGPL-2.1-or-later
#include "consolesession.h"

#include "fdinput.h"
#include "fdoutput.h"

#include <QtVirt/QVirtStream>

#include <algorithm>

namespace {

// Unsent keyboard bytes above which stdin is left unread. A remote stream
// sends at most 256 KiB per message and takes them as fast as the socket
// does, so this only bites when the daemon stalls.
constexpr qint64 InputCap = 64 * 1024;
// Guest output waiting for stdout above which the stream is left unread.
constexpr qint64 OutputCap = 64 * 1024;
// How long the last output may take to go out without any progress once
// the console has ended, so that a stuck terminal cannot hold the program.
constexpr int DrainStallMs = 5000;

} // namespace

ConsoleSession::ConsoleSession(QVirtStream *stream, FdInput *input, FdOutput *output,
                               std::optional<EscapeFilter> escape, QObject *parent)
    : QObject(parent)
    , m_stream(stream)
    , m_input(input)
    , m_output(output)
    , m_escape(escape)
{
    // The stream's read cap is what stops libvirt from being asked for more
    // while output is blocked.
    m_stream->setReadBufferSize(OutputCap);
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(DrainStallMs);
    connect(&m_drainTimer, &QTimer::timeout, this, [this] { end(*m_draining); });

    connect(m_input, &FdInput::received, this, &ConsoleSession::sendInput);
    connect(m_input, &FdInput::ended, this, &ConsoleSession::onInputEnded);
    connect(m_input, &FdInput::failed, this,
            [this] { end(End::InputFailed, m_input->errorString()); });
    connect(m_output, &FdOutput::bytesWritten, this, [this] {
        if (m_draining)
            m_drainTimer.start();
        pullOutput();
        checkDrained();
    });
    connect(m_output, &FdOutput::failed, this,
            [this] { end(End::OutputFailed, m_output->errorString()); });
    connect(m_stream, &QIODevice::readyRead, this, &ConsoleSession::pullOutput);
    connect(m_stream, &QIODevice::bytesWritten, this, &ConsoleSession::updateInputFlow);
    connect(m_stream, &QVirtStream::finished, this, &ConsoleSession::onStreamFinished);
    connect(m_stream, &QVirtStream::errorOccurred, this, &ConsoleSession::onStreamError);

    // Guest output may have arrived between open() and now.
    pullOutput();
}

void ConsoleSession::sendInput(const QByteArray &data)
{
    if (m_ended || m_draining)
        return;
    bool escaped = false;
    const QByteArray keys = m_escape ? m_escape->filter(data, &escaped) : data;
    if (!keys.isEmpty() && m_stream->write(keys) != keys.size())
        return; // errorOccurred() has ended the session
    if (escaped) {
        end(End::Escaped);
        return;
    }
    updateInputFlow();
}

void ConsoleSession::updateInputFlow()
{
    if (!m_ended && !m_inputEnded)
        m_input->setSuspended(m_stream->bytesToWrite() >= InputCap);
}

void ConsoleSession::onInputEnded()
{
    if (m_ended || m_draining)
        return;
    m_inputEnded = true;
    // finish(), not close(): libvirtd writes queued bytes to the console
    // before it handles a finish, but drops them on an abort.
    m_stream->finish();
}

void ConsoleSession::onStreamFinished()
{
    drainThenEnd(m_inputEnded ? End::InputEnded : End::StreamEnded);
}

void ConsoleSession::onStreamError()
{
    if (m_ended || m_draining)
        return;
    m_error = m_stream->errorString();
    drainThenEnd(End::StreamFailed);
}

void ConsoleSession::pullOutput()
{
    if (m_ended)
        return;
    qint64 room = OutputCap - m_output->bytesToWrite();
    while (room > 0 && m_stream->bytesAvailable() > 0) {
        const QByteArray data = m_stream->read(std::min(room, m_stream->bytesAvailable()));
        if (data.isEmpty())
            break;
        if (!m_output->write(data)) {
            end(End::OutputFailed, m_output->errorString());
            return;
        }
        room = OutputCap - m_output->bytesToWrite();
    }
}

void ConsoleSession::drainThenEnd(End how)
{
    if (m_ended || m_draining)
        return;
    m_draining = how;
    m_input->setSuspended(true);
    m_drainTimer.start();
    pullOutput();
    checkDrained();
}

void ConsoleSession::checkDrained()
{
    if (m_draining && !m_ended && m_output->bytesToWrite() == 0 && m_stream->bytesAvailable() == 0)
        end(*m_draining, m_error);
}

void ConsoleSession::end(End how, const QString &error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_drainTimer.stop();
    m_input->setSuspended(true);
    if (!error.isEmpty())
        m_error = error;
    Q_EMIT ended(how);
}
