// SPDX-License-Identifier: LGPL-2.1-or-later
#include "stateicons.h"

#include <QtWidgets/QApplication>
#include <QtWidgets/QStyle>

QIcon StateIcons::themed(const char *name, int fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name),
                            QApplication::style()->standardIcon(QStyle::StandardPixmap(fallback)));
}

QIcon StateIcons::domainState(QVirtDomainModel::State state)
{
    switch (state) {
    case QVirtDomainModel::Running:
    case QVirtDomainModel::Blocked:
        return themed("media-playback-start", QStyle::SP_MediaPlay);
    case QVirtDomainModel::Paused:
        return themed("media-playback-pause", QStyle::SP_MediaPause);
    case QVirtDomainModel::ShuttingDown:
        return themed("system-shutdown", QStyle::SP_BrowserStop);
    case QVirtDomainModel::ShutOff:
        return themed("media-playback-stop", QStyle::SP_MediaStop);
    case QVirtDomainModel::Crashed:
        return themed("dialog-error", QStyle::SP_MessageBoxCritical);
    case QVirtDomainModel::PMSuspended:
        return themed("system-suspend", QStyle::SP_MediaPause);
    case QVirtDomainModel::NoState:
        break;
    }
    return themed("dialog-question", QStyle::SP_MessageBoxQuestion);
}

QIcon StateIcons::connectionState(QVirtConnection::State state, bool failed)
{
    switch (state) {
    case QVirtConnection::State::Open:
        return themed("network-idle", QStyle::SP_DialogApplyButton);
    case QVirtConnection::State::Opening:
    case QVirtConnection::State::Reconnecting:
        return themed("view-refresh", QStyle::SP_BrowserReload);
    case QVirtConnection::State::Closed:
        break;
    }
    return failed ? themed("network-error", QStyle::SP_MessageBoxWarning)
                  : themed("network-offline", QStyle::SP_DialogCancelButton);
}

QIcon StateIcons::busy()
{
    return themed("process-working", QStyle::SP_BrowserReload);
}
