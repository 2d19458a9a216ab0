// SPDX-License-Identifier: LGPL-2.1-or-later
#include "variants.h"

#include <libvirt-gobject/libvirt-gobject.h>

#include <cstdio>
#include <vector>

namespace {

bool failed(const char *what, GError *error)
{
    if (!error)
        return false;
    std::fprintf(stderr, "gobject: %s: %s\n", what, error->message);
    g_error_free(error);
    return true;
}

} // namespace

BenchFigures listWithGObject(const QString &uri, int connections, int domainsEach)
{
    gvir_init_object(nullptr, nullptr);
    const QByteArray uriBytes = uri.toUtf8();
    std::vector<GVirConnection *> conns;
    const auto closeAll = [&] {
        for (GVirConnection *conn : conns) {
            gvir_connection_close(conn);
            g_object_unref(conn);
        }
    };
    for (int i = 0; i < connections; ++i) {
        conns.push_back(gvir_connection_new(uriBytes.constData()));
        GError *error = nullptr;
        gvir_connection_open(conns.back(), nullptr, &error);
        if (failed("open", error)) {
            closeAll();
            return {};
        }
    }
    BenchFigures figures;
    StallMeter stalls;
    stalls.start();
    QElapsedTimer clock;
    clock.start();
    int rows = 0;
    for (GVirConnection *conn : conns) {
        GError *error = nullptr;
        if (!gvir_connection_fetch_domains(conn, nullptr, &error) || failed("fetch", error)) {
            closeAll();
            return {};
        }
        GList *domains = gvir_connection_get_domains(conn);
        rows += int(g_list_length(domains));
        g_list_free_full(domains, g_object_unref);
    }
    figures.insert(QStringLiteral("rows"), clock.nsecsElapsed() / 1e9);
    for (GVirConnection *conn : conns) {
        GList *domains = gvir_connection_get_domains(conn);
        for (GList *it = domains; it; it = it->next) {
            GError *error = nullptr;
            GVirDomainInfo *info = gvir_domain_get_info(GVIR_DOMAIN(it->data), &error);
            if (failed("info", error)) {
                g_list_free_full(domains, g_object_unref);
                closeAll();
                return {};
            }
            g_boxed_free(GVIR_TYPE_DOMAIN_INFO, info);
        }
        g_list_free_full(domains, g_object_unref);
    }
    figures.insert(QStringLiteral("details"), clock.nsecsElapsed() / 1e9);
    stalls.stop();
    figures.insert(QStringLiteral("stall"), stalls.worstStallMs());
    figures.insert(QStringLiteral("busy"), stalls.worstBusyMs());
    closeAll();
    if (rows != connections * domainsEach) {
        std::fprintf(stderr, "gobject: %d of %d domains\n", rows, connections * domainsEach);
        return {};
    }
    return figures;
}
