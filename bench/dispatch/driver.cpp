// SPDX-License-Identifier: LGPL-2.1-or-later
#include "interleavedruns.h"
#include "variants.h"

#include <QtCore/QTextStream>

namespace {

struct DispatchVariant
{
    QString name;           // what --variant runs
    QString dispatcher;     // empty for the loops that are not Qt's
    bool forcePoll = false; // QtVirtEventImpl's portable readiness path
};

QList<DispatchVariant> allVariants()
{
    QList<DispatchVariant> variants{{QStringLiteral("raw-poll"), {}},
                                    {QStringLiteral("libvirt-default"), {}}};
#ifdef QTVIRT_BENCH_HAVE_LIBVIRT_GLIB
    variants.append({QStringLiteral("libvirt-glib"), {}});
#endif
    for (const QString &dispatcher : {QStringLiteral("glib"), QStringLiteral("unix")}) {
        variants.append({QStringLiteral("qt-notifier"), dispatcher});
        variants.append({QStringLiteral("qtvirt"), dispatcher});
        variants.append({QStringLiteral("qtvirt"), dispatcher, true});
    }
    return variants;
}

QString labelOf(const DispatchVariant &variant)
{
    if (variant.dispatcher.isEmpty())
        return variant.name;
    return variant.name + (variant.forcePoll ? QStringLiteral("-poll/") : QStringLiteral("/"))
        + variant.dispatcher;
}

BenchVariant benchVariant(const DispatchVariant &variant, const BenchOptions &options)
{
    return {labelOf(variant),
            variantArguments(options, variant.name),
            {{QStringLiteral("QT_NO_GLIB"),
              variant.dispatcher == QLatin1String("unix") ? QStringLiteral("1") : QString()},
             {QStringLiteral("QTVIRT_EVENT_READINESS"),
              variant.forcePoll ? QStringLiteral("poll") : QString()}}};
}

} // namespace

int runDriver(const QString &program, const BenchOptions &options)
{
    const QList<DispatchVariant> variants = allVariants();
    QList<BenchVariant> runs;
    for (const DispatchVariant &variant : variants)
        runs.append(benchVariant(variant, options));
    const std::optional<QHash<QString, double>> medians
        = runInterleaved(program, runs, options.repeat);
    if (!medians)
        return 1;

    QTextStream out(stdout);
    out << "Round trips per second, median of " << options.repeat << " interleaved runs of "
        << options.roundTrips << " round trips; " << options.idleHandles << " idle handles, "
        << options.idleTimers << " idle timers\n";
    out << qSetFieldWidth(22) << Qt::left << "variant" << qSetFieldWidth(16) << "round trips/s"
        << "vs libvirt"
        << "vs bare Qt" << qSetFieldWidth(0) << '\n';
    const double libvirtDefault = medians->value(QStringLiteral("libvirt-default"));
    for (const DispatchVariant &variant : variants) {
        const double rate = medians->value(labelOf(variant));
        const QString bareQt = variant.dispatcher.isEmpty()
            ? QStringLiteral("-")
            : benchRatio(rate, medians->value(QStringLiteral("qt-notifier/") + variant.dispatcher));
        out << qSetFieldWidth(22) << labelOf(variant) << qSetFieldWidth(16)
            << QString::number(rate / 1000, 'f', 1) + QLatin1Char('k')
            << benchRatio(rate, libvirtDefault) << bareQt << qSetFieldWidth(0) << '\n';
    }
    return 0;
}
