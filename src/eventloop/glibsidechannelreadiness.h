// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_GLIBSIDECHANNELREADINESS_H
#define QTVIRT_EVENTLOOP_GLIBSIDECHANNELREADINESS_H

#include "eventloop/glibhangupsource.h"
#include "eventloop/readiness.h"

// Qt's GLib dispatcher: a GSource of ours (GlibHangupSource) holds an
// events=0 poll record per fd. GLib merges records of one fd into one
// pollfd and hands each record its share of the revents (gmain.c,
// g_main_context_check), so the HUP/ERR bits arrive from the very poll()
// that woke the notifier, and an activation without them is exactly its
// notifier's side. An fd's first activation still goes the poll() way and
// arms the record, so that idle fds never pay for it.
class GlibSideChannelReadiness final : public Readiness
{
public:
    // Attaches its source to the calling thread's default GLib context.
    GlibSideChannelReadiness() = default;

    const char *name() const override { return "GLib side channel"; }
    std::unique_ptr<FdReadiness> forFd(FdWatch &watch) override;

private:
    GlibHangupSource m_hangups;
};

#endif // QTVIRT_EVENTLOOP_GLIBSIDECHANNELREADINESS_H
