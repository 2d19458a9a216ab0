// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/glibhangupsource.h"

#include "eventloop/hanguprecord.h"

struct GlibHangupSource::Source
{
    GSource base;
    quint64 iteration;
    // Fds whose only listening notifier is Write.
    QSet<GlibHangupSource::WriteOnlyFd *> *writeOnly;
};

namespace {

GlibHangupSource::Source *sourceOf(GSource *source)
{
    return reinterpret_cast<GlibHangupSource::Source *>(source);
}

gboolean prepare(GSource *source, gint *timeout)
{
    ++sourceOf(source)->iteration;
    *timeout = -1;
    return false;
}

gboolean check(GSource *source)
{
    const QSet<GlibHangupSource::WriteOnlyFd *> &writeOnly = *sourceOf(source)->writeOnly;
    return std::any_of(
        writeOnly.cbegin(), writeOnly.cend(),
        [](const GlibHangupSource::WriteOnlyFd *fd) { return fd->hasUnclaimedHangup(); });
}

gboolean dispatch(GSource *source, GSourceFunc, gpointer)
{
    // A delivery may change the set.
    const QList<GlibHangupSource::WriteOnlyFd *> writeOnly = sourceOf(source)->writeOnly->values();
    for (GlibHangupSource::WriteOnlyFd *fd : writeOnly) {
        if (sourceOf(source)->writeOnly->contains(fd))
            fd->deliverUnclaimedHangup();
    }
    return G_SOURCE_CONTINUE;
}

GSourceFuncs hangupSourceFuncs = {prepare, check, dispatch, nullptr, nullptr, nullptr};

} // namespace

GlibHangupSource::GlibHangupSource()
    : m_source(sourceOf(g_source_new(&hangupSourceFuncs, sizeof(Source))))
{
    m_source->iteration = 1;
    m_source->writeOnly = new QSet<WriteOnlyFd *>;
    // Same priority as Qt's socket notifier source and attached after it, so
    // that GLib polls both records of an fd together and dispatches Qt's
    // activations first.
    g_source_set_priority(&m_source->base, G_PRIORITY_DEFAULT);
    g_source_set_can_recurse(&m_source->base, true);
    GMainContext *context = g_main_context_ref_thread_default();
    g_source_attach(&m_source->base, context);
    g_main_context_unref(context);
}

void GlibHangupSource::watch(HangupRecord *record)
{
    record->pollfd.revents = 0;
    record->registered = true;
    g_source_add_poll(&m_source->base, &record->pollfd);
}

void GlibHangupSource::unwatch(HangupRecord *record)
{
    g_source_remove_poll(&m_source->base, &record->pollfd);
    record->registered = false;
}

void GlibHangupSource::setWriteOnly(WriteOnlyFd *fd, bool writeOnly)
{
    if (writeOnly)
        m_source->writeOnly->insert(fd);
    else
        m_source->writeOnly->remove(fd);
}

quint64 GlibHangupSource::iteration() const
{
    return m_source->iteration;
}
