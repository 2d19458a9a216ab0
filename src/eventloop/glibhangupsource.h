// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_GLIBHANGUPSOURCE_H
#define QTVIRT_EVENTLOOP_GLIBHANGUPSOURCE_H

#include <QtCore/QSet>
#include <QtCore/QtGlobal>

#include <functional>

struct HangupRecord;

// A GSource on the loop thread's GLib context whose only job is to learn,
// from the same poll() as Qt's notifiers, whether an fd has hung up or
// failed (see GlibSideChannelReadiness). It holds one events=0 poll record
// per listening fd.
//
// GLib's Write notifier does not wake on HUP, so for fds that only write
// the source itself delivers HANGUP: it checks just those fds, so that an
// iteration costs nothing per idle reader.
class GlibHangupSource
{
public:
    // An fd whose only listening notifier is Write.
    class WriteOnlyFd
    {
    public:
        // A HANGUP or ERROR that no notifier activation reported in this
        // iteration, and its delivery.
        virtual bool hasUnclaimedHangup() const = 0;
        virtual void deliverUnclaimedHangup() = 0;

    protected:
        ~WriteOnlyFd() = default;
    };

    // Attaches to the calling thread's default GLib context, the one Qt's
    // GLib dispatcher iterates.
    GlibHangupSource();
    GlibHangupSource(const GlibHangupSource &) = delete;
    GlibHangupSource &operator=(const GlibHangupSource &) = delete;

    void watch(HangupRecord *record);
    void unwatch(HangupRecord *record);
    void setWriteOnly(WriteOnlyFd *fd, bool writeOnly);

    // Counts the iterations of the context, so that a record's owner can
    // tell which poll() a revents came from.
    quint64 iteration() const;

    struct Source;

private:
    Source *m_source;
};

#endif // QTVIRT_EVENTLOOP_GLIBHANGUPSOURCE_H
