// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventloop/loophooks.h"

#include "eventloop/loopthreadbinding.h"

namespace {

// The binding, when called from its thread.
LoopThreadBinding *loopBinding()
{
    LoopThreadBinding *binding = LoopThreadBinding::instance();
    return binding && binding->isLoopThread() ? binding : nullptr;
}

} // namespace

namespace LoopHooks {

bool onLoopThread()
{
    return loopBinding() != nullptr;
}

void setObserver(Observer *observer)
{
    if (LoopThreadBinding *binding = loopBinding())
        binding->setObserver(observer);
}

void holdBackReads(int handle, bool held)
{
    if (LoopThreadBinding *binding = loopBinding())
        binding->holdBackReads(handle, held);
}

bool peerGone(int handle)
{
    LoopThreadBinding *binding = loopBinding();
    return binding && binding->peerGone(handle);
}

} // namespace LoopHooks
