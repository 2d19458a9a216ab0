// SPDX-License-Identifier: LGPL-2.1-or-later
#include "consoletyper.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDeadlineTimer>

ConsoleTyper::~ConsoleTyper()
{
    close();
}

bool ConsoleTyper::open(virConnectPtr conn, virDomainPtr dom)
{
    m_stream = virStreamNew(conn, VIR_STREAM_NONBLOCK);
    if (!m_stream)
        return false;
    if (virDomainOpenConsole(dom, nullptr, m_stream, VIR_DOMAIN_CONSOLE_FORCE) < 0)
        return false;
    m_watching = virStreamEventAddCallback(m_stream,
                                           VIR_STREAM_EVENT_READABLE | VIR_STREAM_EVENT_ERROR
                                               | VIR_STREAM_EVENT_HANGUP,
                                           onEvent, this, nullptr)
        == 0;
    return m_watching;
}

bool ConsoleTyper::type(const QByteArray &keys)
{
    qsizetype sent = 0;
    const QDeadlineTimer deadline(5000);
    while (m_stream && sent < keys.size() && !deadline.hasExpired()) {
        const int n = virStreamSend(m_stream, keys.constData() + sent,
                                    static_cast<size_t>(keys.size() - sent));
        if (n == -2) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
            continue;
        }
        if (n < 0)
            return false;
        sent += n;
    }
    return sent == keys.size();
}

void ConsoleTyper::onEvent(virStreamPtr stream, int events, void *opaque)
{
    auto *self = static_cast<ConsoleTyper *>(opaque);
    if (events & VIR_STREAM_EVENT_READABLE) {
        char buffer[4096];
        int n;
        while ((n = virStreamRecv(stream, buffer, sizeof buffer)) > 0)
            self->m_output.append(buffer, n);
        if (n == -2)
            return;
    }
    // End, error or hangup: nothing more will come.
    self->close();
}

void ConsoleTyper::close()
{
    if (!m_stream)
        return;
    if (m_watching)
        virStreamEventRemoveCallback(m_stream);
    m_watching = false;
    virStreamAbort(m_stream);
    virStreamFree(m_stream);
    m_stream = nullptr;
}
