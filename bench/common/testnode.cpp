// SPDX-License-Identifier: LGPL-2.1-or-later
#include "testnode.h"

#include <QtCore/QFile>

namespace {

const QLatin1String DomainPrefix("bench-");

QByteArray testNodeXml(int count)
{
    QByteArray xml = "<node>";
    for (int i = 0; i < count; ++i) {
        xml += "<domain type='test'><name>" + QByteArray(DomainPrefix.data())
            + QByteArray::number(i)
            + "</name><memory>8192</memory><vcpu>2</vcpu><os><type>hvm</type></os></domain>";
    }
    return xml + "</node>";
}

} // namespace

TestNodeFile::TestNodeFile(int count)
{
    QFile node(m_dir.filePath(QStringLiteral("node.xml")));
    if (m_dir.isValid() && node.open(QIODevice::WriteOnly) && node.write(testNodeXml(count)) >= 0
        && node.flush())
        m_path = node.fileName();
}

int testNodeDomainIndex(const QString &name)
{
    if (!name.startsWith(DomainPrefix))
        return -1;
    bool ok = false;
    const int index = name.mid(DomainPrefix.size()).toInt(&ok);
    return ok && index >= 0 ? index : -1;
}

QString testNodeUri(const QString &nodeFile, const QByteArray &testUri)
{
    const qsizetype query = testUri.indexOf('?');
    return QStringLiteral("test+unix://") + nodeFile
        + (query < 0 ? QString() : QString::fromUtf8(testUri.mid(query)));
}
