// SPDX-License-Identifier: LGPL-2.1-or-later
#include "variants.h"
#include "windowmeasurement.h"

#include "connectionlistmodel.h"
#include "managerwindow.h"

#include <QtVirt/QVirtDomainModel>

#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>

#include <cstdio>

BenchFigures measureQtManager(const QString &uri, int domains, int seconds)
{
    static_assert(ManagerWindow::StatsIntervalMs == StatsIntervalMs,
                  "both variants refresh their statistics at the same pace");
    // Settings of its own: no connection remembered from a user's session.
    QTemporaryDir settingsDir;
    if (!settingsDir.isValid()) {
        std::fprintf(stderr, "no temporary directory for the settings\n");
        return {};
    }
    QSettings settings(settingsDir.filePath(QStringLiteral("qt-manager.ini")),
                       QSettings::IniFormat);
    ManagerWindow window(&settings);
    const QVirtDomainModel *model = window.domainModel();
    WindowProbe probe;
    probe.start = [&] { window.connections()->addConnection(uri, false); };
    probe.rows = [model] { return model->rowCount(); };
    // The test driver's statistics carry the state only (libvirt 9.0), so
    // this window shows no CPU figures: what it costs is the one call per
    // interval and its records, which measureWindow() lets run for two
    // intervals before it measures.
    probe.statsShown = [] { return true; };
    return measureWindow(&window, domains, seconds, probe);
}
