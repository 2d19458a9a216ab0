// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_STATEICONS_H
#define QTVIRT_EXAMPLES_QTMANAGER_STATEICONS_H

#include <QtVirt/QVirtConnection>
#include <QtVirt/QVirtDomainModel>

#include <QtGui/QIcon>

// Icons by freedesktop icon theme name, with the style's standard icons as
// fallbacks where no theme is installed (a bare Xvfb, most CI machines).
namespace StateIcons {

QIcon domainState(QVirtDomainModel::State state);
QIcon connectionState(QVirtConnection::State state, bool failed);
QIcon busy();

// A themed icon by \a name, else the style's \a fallback.
QIcon themed(const char *name, int fallback);

} // namespace StateIcons

#endif // QTVIRT_EXAMPLES_QTMANAGER_STATEICONS_H
