// SPDX-License-Identifier: LGPL-2.1-or-later
#include "benchoptions.h"
#include "interleavedruns.h"
#include "variants.h"

#include <QtCore/QCoreApplication>

#include <cstdio>

namespace {

double runVariant(int &argc, char **argv, const BenchOptions &options)
{
    if (options.variant == QLatin1String("raw-poll"))
        return runRawPoll(options);
    if (options.variant == QLatin1String("libvirt-default"))
        return runLibvirtDefault(options);
#ifdef QTVIRT_BENCH_HAVE_LIBVIRT_GLIB
    if (options.variant == QLatin1String("libvirt-glib"))
        return runLibvirtGlib(options);
#endif
    if (options.variant == QLatin1String("qt-notifier"))
        return runQtNotifier(argc, argv, options);
    if (options.variant == QLatin1String("qtvirt"))
        return runQtVirt(argc, argv, options);
    std::fprintf(stderr, "unknown variant %s\n", qPrintable(options.variant));
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    const BenchOptions options = parseBenchOptions(benchArguments(argc, argv));
    if (options.variant.isEmpty()) {
        QCoreApplication app(argc, argv);
        return runDriver(QCoreApplication::applicationFilePath(), options);
    }
    const double rate = runVariant(argc, argv, options);
    if (rate <= 0)
        return 1;
    printBenchValue(rate);
    return 0;
}
