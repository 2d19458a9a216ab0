// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_EVENTLOOPFORENGINE_H
#define QTVIRT_QML_EVENTLOOPFORENGINE_H

#include <QtCore/qglobal.h>

QT_BEGIN_NAMESPACE
class QQmlEngine;
QT_END_NAMESPACE

// Registers QtVirtEventImpl in engine's thread unless that was tried there
// already. When it cannot be registered there (another implementation was
// registered with libvirt first, or it is bound to another thread), says so
// once per process on qtvirt.qml, with what to do.
void ensureEventLoopForEngine(QQmlEngine *engine);

#endif // QTVIRT_QML_EVENTLOOPFORENGINE_H
