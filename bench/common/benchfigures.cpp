// SPDX-License-Identifier: LGPL-2.1-or-later
#include "benchfigures.h"

#include <algorithm>
#include <cstdio>

void printBenchFigures(const BenchFigures &figures)
{
    for (auto it = figures.cbegin(); it != figures.cend(); ++it)
        std::printf("%s %.6g\n", qPrintable(it.key()), it.value());
}

BenchFigures parseBenchFigures(const QByteArray &output)
{
    BenchFigures figures;
    for (const QByteArray &line : output.split('\n')) {
        const QList<QByteArray> fields = line.trimmed().split(' ');
        bool ok = false;
        const double value = fields.size() == 2 ? fields.at(1).toDouble(&ok) : 0;
        if (ok)
            figures.insert(QString::fromUtf8(fields.at(0)), value);
    }
    return figures;
}

double benchMedian(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

QString benchSpread(const QList<double> &values)
{
    return QString::asprintf("%.4g [%.4g-%.4g]", benchMedian(values),
                             *std::min_element(values.cbegin(), values.cend()),
                             *std::max_element(values.cbegin(), values.cend()));
}
