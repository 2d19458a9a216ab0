// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_PENDINGSTREAM_H
#define QTVIRT_CONNECTION_PENDINGSTREAM_H

#include <QtVirt/qvirtstream.h>

#include <libvirt/libvirt.h>

#include <memory>
#include <utility>

// A QVirtStream made in the connection's thread for a libvirt call in a
// pool thread (virDomainOpenConsole(), virDomainScreenshot()) to start.
// The pool call uses only the libvirt stream, and the QVirtStream is not
// touched until the call's result is back in the connection's thread, so
// the two never meet. Shared by the pool task and the completion: whoever
// lets go last without having taken the stream deletes it with
// deleteLater(), in the stream's thread, after the pool call is done with
// it (an operation canceled, or a connection destroyed, while its call
// ran). Deleting aborts the libvirt stream, which releases a console for
// the next client.
class PendingStream
{
public:
    explicit PendingStream(virConnectPtr conn)
        : m_stream(new QVirtStream(conn))
        , m_raw(m_stream->stream())
    { }
    ~PendingStream()
    {
        if (m_stream)
            m_stream->deleteLater();
    }
    PendingStream(const PendingStream &) = delete;
    PendingStream &operator=(const PendingStream &) = delete;

    // For the pool call; null when libvirt could not make a stream.
    virStreamPtr raw() const { return m_raw; }
    // In the connection's thread, once the pool call is done: the caller
    // owns the stream from now on.
    QVirtStream *take() { return std::exchange(m_stream, nullptr); }

    static std::shared_ptr<PendingStream> make(virConnectPtr conn)
    {
        return std::make_shared<PendingStream>(conn);
    }

private:
    QVirtStream *m_stream;
    virStreamPtr const m_raw;
};

#endif // QTVIRT_CONNECTION_PENDINGSTREAM_H
