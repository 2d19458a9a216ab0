// SPDX-License-Identifier: LGPL-2.1-or-later
#include "interleavedruns.h"

#include "benchfigures.h"

#include <QtCore/QProcess>

#include <cstdio>

std::optional<QByteArray> runChild(const QString &program, const BenchVariant &variant)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = variant.environment.cbegin(); it != variant.environment.cend(); ++it) {
        if (it.value().isEmpty())
            environment.remove(it.key());
        else
            environment.insert(it.key(), it.value());
    }
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(program, variant.arguments);
    if (!child.waitForFinished(600 * 1000) || child.exitStatus() != QProcess::NormalExit
        || child.exitCode() != 0)
        return std::nullopt;
    return child.readAllStandardOutput();
}

namespace {

double measure(const QString &program, const BenchVariant &variant)
{
    const std::optional<QByteArray> output = runChild(program, variant);
    if (!output || !output->trimmed().startsWith("value "))
        return -1;
    return output->trimmed().mid(6).toDouble();
}

} // namespace

std::optional<BenchFigures> runChildFigures(const QString &program, const BenchVariant &variant,
                                            const QStringList &required)
{
    const std::optional<QByteArray> output = runChild(program, variant);
    const BenchFigures figures = output ? parseBenchFigures(*output) : BenchFigures{};
    for (const QString &figure : required) {
        if (!figures.contains(figure)) {
            std::fprintf(stderr, "FAILED: %s\n", qPrintable(variant.label));
            return std::nullopt;
        }
    }
    return figures;
}

std::optional<QHash<QString, double>> runInterleaved(const QString &program,
                                                     const QList<BenchVariant> &variants,
                                                     int repeat)
{
    QHash<QString, QList<double>> values;
    for (int round = 0; round < repeat; ++round) {
        for (const BenchVariant &variant : variants) {
            const double value = measure(program, variant);
            if (value < 0) {
                std::fprintf(stderr, "FAILED: %s\n", qPrintable(variant.label));
                return std::nullopt;
            }
            values[variant.label].append(value);
        }
    }
    QHash<QString, double> medians;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        medians.insert(it.key(), benchMedian(it.value()));
    return medians;
}

QStringList benchArguments(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

void printBenchValue(double value)
{
    std::printf("value %.6g\n", value);
}

QString benchRatio(double numerator, double denominator)
{
    return denominator > 0 ? QString::number(numerator / denominator, 'f', 2) : QStringLiteral("-");
}
