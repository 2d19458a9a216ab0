// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EVENTLOOP_DISPATCHDEPTH_H
#define QTVIRT_EVENTLOOP_DISPATCHDEPTH_H

#include "eventloop/eventregistry.h"

#include <algorithm>
#include <iterator>
#include <vector>

// How many libvirt callbacks the loop thread is inside (nested event loops
// make it more than one), and the registrations removed meanwhile: their
// memory is kept until the outermost callback returns, because a dispatch
// further up may still look at them. Loop thread only.
class DispatchDepth
{
public:
    // Marks a callback on the stack.
    class Scope
    {
    public:
        explicit Scope(DispatchDepth &depth)
            : m_depth(depth)
        {
            ++m_depth.m_depth;
        }
        ~Scope()
        {
            if (--m_depth.m_depth == 0)
                m_depth.m_retired.clear();
        }
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        DispatchDepth &m_depth;
    };

    // Takes what a callback further up may still look at; frees nothing
    // outside callbacks.
    void keepWhileInCallback(std::vector<EventRegistry::Retired> &retired)
    {
        if (m_depth > 0)
            std::move(retired.begin(), retired.end(), std::back_inserter(m_retired));
    }

private:
    int m_depth = 0;
    std::vector<EventRegistry::Retired> m_retired;
};

#endif // QTVIRT_EVENTLOOP_DISPATCHDEPTH_H
