// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_STREAM_STREAMLIMITS_H
#define QTVIRT_STREAM_STREAMLIMITS_H

#include <QtCore/QtGlobal>

// The daemon sends at most this much payload per stream message, and a
// remote virStreamSend() carries at most as much in one message
// (VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX, src/rpc/virnetprotocol.x). Chunks of
// this size map one to one onto messages.
constexpr qint64 StreamMessagePayloadMax = 262120;

#endif // QTVIRT_STREAM_STREAMLIMITS_H
