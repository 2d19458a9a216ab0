// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_UPDATELOOPS_H
#define QTVIRT_BENCH_UPDATELOOPS_H

// What is updated: a handle between 0 and READABLE (the RPC client's
// toggle around every call), or a timeout between -1 and 0 (how queued
// events get flushed).
enum class UpdateKind { Handle, Timeout };

// Who updates: the thread that runs the loop, or another one while the
// loop runs (libvirt's RPC threads).
enum class UpdateCaller { LoopThread, OtherThread };

// Updates per second through libvirt's public API, on one event loop.
double updatesWithLibvirtDefault(UpdateKind kind, UpdateCaller caller, int updates);
double updatesWithQtVirt(int &argc, char **argv, UpdateKind kind, UpdateCaller caller, int updates);

#endif // QTVIRT_BENCH_UPDATELOOPS_H
