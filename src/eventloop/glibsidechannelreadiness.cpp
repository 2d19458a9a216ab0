// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/glibsidechannelreadiness.h"

#include "eventloop/fdwatch.h"
#include "eventloop/hanguprecord.h"

namespace {

class GlibFdReadiness final : public FdReadiness, public GlibHangupSource::WriteOnlyFd
{
public:
    GlibFdReadiness(FdWatch &watch, GlibHangupSource &hangups)
        : m_watch(watch)
        , m_hangups(hangups)
    {
        m_record.pollfd.fd = watch.fd();
    }

    void activated(QSocketNotifier::Type type) override
    {
        if (m_armed) {
            const quint64 iteration = m_hangups.iteration();
            if (m_armedIteration != iteration && !m_record.hangupOrError()) {
                // Read wakes on IN|HUP|ERR, Write on OUT|ERR; with HUP and
                // ERR ruled out by the same poll(), the side is the whole
                // answer.
                const int side = FdWatch::sideOf(type);
                m_watch.dispatchHeld(side, side);
                return;
            }
            m_claimedIteration = iteration;
        } else {
            m_armed = true;
            applySideChannelState();
        }
        m_watch.pollAndDispatch(type);
    }

    // The GLib dispatcher leaves a newly registered notifier's revents
    // uninitialised and may deliver it from the poll() that came before:
    // until the next iteration, check such activations the slow way.
    void notifierEnabled() override { m_armedIteration = m_hangups.iteration(); }

    void listeningChanged(int listening) override
    {
        m_listening = listening;
        applySideChannelState();
    }

    void retire() override
    {
        setSideChannel(false);
        m_hangups.setWriteOnly(this, false);
    }

    // A HANGUP or ERROR that no notifier activation reported in this
    // iteration (GLib's Write notifier does not wake on POLLHUP).
    bool hasUnclaimedHangup() const override
    {
        return m_record.registered && m_record.hangupOrError()
            && m_claimedIteration != m_hangups.iteration();
    }

    void deliverUnclaimedHangup() override
    {
        if (!hasUnclaimedHangup())
            return;
        m_claimedIteration = m_hangups.iteration();
        if (const int revents = m_watch.pollRevents(); revents & FdWatch::ErrorOrHangup)
            m_watch.dispatchHeld(revents, FdWatch::ErrorOrHangup);
    }

private:
    void applySideChannelState()
    {
        setSideChannel(m_armed && m_listening != 0);
        m_hangups.setWriteOnly(this, m_armed && m_listening == FdWatch::Writable);
    }

    void setSideChannel(bool listening)
    {
        if (listening == m_record.registered)
            return;
        // Only while a notifier listens: an events=0 record still wakes
        // poll() on HUP, and a silent handle must not hear it, nor spin the
        // loop. A new record learns nothing from the poll() that came
        // before it.
        if (listening) {
            m_hangups.watch(&m_record);
            m_armedIteration = m_hangups.iteration();
        } else {
            m_hangups.unwatch(&m_record);
        }
    }

    FdWatch &m_watch;
    GlibHangupSource &m_hangups;
    HangupRecord m_record;
    int m_listening = 0;
    bool m_armed = false;
    // The GLib iteration whose poll() may not have seen the current
    // notifiers, and the one in which an activation already reported
    // HANGUP or ERROR.
    quint64 m_armedIteration = 0;
    quint64 m_claimedIteration = 0;
};

} // namespace

std::unique_ptr<FdReadiness> GlibSideChannelReadiness::forFd(FdWatch &watch)
{
    return std::make_unique<GlibFdReadiness>(watch, m_hangups);
}
