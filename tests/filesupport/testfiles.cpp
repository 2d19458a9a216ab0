// SPDX-License-Identifier: LGPL-2.1-or-later
#include "testfiles.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QFile>
#include <QtCore/QList>
#include <QtCore/QRandomGenerator>

#include <algorithm>

namespace TestFiles {

bool writeRandomFile(const QString &path, qint64 size)
{
    constexpr qint64 MiB = 1024 * 1024;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QList<quint32> block(MiB / sizeof(quint32));
    for (qint64 done = 0; done < size; done += MiB) {
        QRandomGenerator::global()->fillRange(block.data(), block.size());
        const qint64 step = std::min(MiB, size - done);
        if (file.write(reinterpret_cast<const char *>(block.constData()), step) != step)
            return false;
    }
    return file.flush();
}

QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace TestFiles
