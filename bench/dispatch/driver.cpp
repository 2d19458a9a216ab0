// SPDX-License-Identifier: LGPL-2.1-or-later
#include "variants.h"

#include <QtCore/QHash>
#include <QtCore/QProcess>
#include <QtCore/QTextStream>

#include <algorithm>

namespace {

struct Variant
{
    QString name;       // what --variant runs
    QString dispatcher; // empty for the loops that are not Qt's
    QString label;
    bool forcePoll = false; // QtVirtEventImpl's portable path
};

QList<Variant> allVariants()
{
    QList<Variant> variants{
        {QStringLiteral("raw-poll"), {}, QStringLiteral("raw-poll")},
        {QStringLiteral("libvirt-default"), {}, QStringLiteral("libvirt-default")}};
#ifdef QTVIRT_BENCH_HAVE_LIBVIRT_GLIB
    variants.append({QStringLiteral("libvirt-glib"), {}, QStringLiteral("libvirt-glib")});
#endif
    for (const QString &dispatcher : {QStringLiteral("glib"), QStringLiteral("unix")}) {
        const QString suffix = QLatin1Char('/') + dispatcher;
        variants.append(
            {QStringLiteral("qt-notifier"), dispatcher, QStringLiteral("qt-notifier") + suffix});
        variants.append({QStringLiteral("qtvirt"), dispatcher, QStringLiteral("qtvirt") + suffix});
        variants.append(
            {QStringLiteral("qtvirt"), dispatcher, QStringLiteral("qtvirt-poll") + suffix, true});
    }
    return variants;
}

// One measurement in a fresh process: libvirt's loop registration cannot be
// undone, and a fresh process starts every variant from the same state.
double measure(const QString &program, const BenchOptions &options, const Variant &variant)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (variant.dispatcher == QLatin1String("unix"))
        environment.insert(QStringLiteral("QT_NO_GLIB"), QStringLiteral("1"));
    else
        environment.remove(QStringLiteral("QT_NO_GLIB"));
    if (variant.forcePoll)
        environment.insert(QStringLiteral("QTVIRT_EVENT_READINESS"), QStringLiteral("poll"));
    else
        environment.remove(QStringLiteral("QTVIRT_EVENT_READINESS"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(program, variantArguments(options, variant.name));
    if (!child.waitForFinished(600 * 1000) || child.exitStatus() != QProcess::NormalExit
        || child.exitCode() != 0)
        return -1;
    const QByteArray output = child.readAllStandardOutput().trimmed();
    if (!output.startsWith("rate "))
        return -1;
    return output.mid(5).toDouble();
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

QString ratio(double numerator, double denominator)
{
    return denominator > 0 ? QString::number(numerator / denominator, 'f', 2) : QStringLiteral("-");
}

} // namespace

int runDriver(const QString &program, const BenchOptions &options)
{
    QTextStream out(stdout);
    const QList<Variant> variants = allVariants();
    QHash<QString, QList<double>> rates;

    // Interleaved, so that a slow phase of a noisy machine hits every
    // variant alike instead of one.
    for (int round = 0; round < options.repeat; ++round) {
        for (const Variant &variant : variants) {
            const double rate = measure(program, options, variant);
            if (rate <= 0) {
                out << "FAILED: " << variant.label << Qt::endl;
                return 1;
            }
            rates[variant.label].append(rate);
        }
    }

    QHash<QString, double> medians;
    for (auto it = rates.cbegin(); it != rates.cend(); ++it)
        medians.insert(it.key(), median(it.value()));

    out << "Round trips per second, median of " << options.repeat << " interleaved runs of "
        << options.roundTrips << " round trips; " << options.idleHandles << " idle handles, "
        << options.idleTimers << " idle timers\n";
    out << qSetFieldWidth(22) << Qt::left << "variant" << qSetFieldWidth(16) << "round trips/s"
        << "vs libvirt"
        << "vs bare Qt" << qSetFieldWidth(0) << '\n';
    const double libvirtDefault = medians.value(QStringLiteral("libvirt-default"));
    for (const Variant &variant : variants) {
        const double rate = medians.value(variant.label);
        const QString bareQt = variant.dispatcher.isEmpty()
            ? QStringLiteral("-")
            : ratio(rate, medians.value(QStringLiteral("qt-notifier/") + variant.dispatcher));
        out << qSetFieldWidth(22) << variant.label << qSetFieldWidth(16)
            << QString::number(rate / 1000, 'f', 1) + QLatin1Char('k')
            << ratio(rate, libvirtDefault) << bareQt << qSetFieldWidth(0) << '\n';
    }
    return 0;
}
