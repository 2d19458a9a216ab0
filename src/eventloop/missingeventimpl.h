// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_MISSINGEVENTIMPL_H
#define QTVIRT_EVENTLOOP_MISSINGEVENTIMPL_H

#include <QtCore/QLoggingCategory>

#include <atomic>

// Warns on category, once per warned flag, when QtVirtEventImpl::
// registerImpl() has not been called: libvirt then has no event loop, what
// goes wrong shows up far from its cause, and nothing else would say why.
// what names the user's call ("QVirtConnection opened"), consequence what
// goes wrong because of it; the advice is the same for every caller.
using LoggingCategory = const QLoggingCategory &(*)();
void warnIfNoEventImpl(LoggingCategory category, std::atomic<bool> &warned, const char *what,
                       const char *consequence);

#endif // QTVIRT_EVENTLOOP_MISSINGEVENTIMPL_H
