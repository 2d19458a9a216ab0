// SPDX-License-Identifier: LGPL-2.1-or-later
#include "testnode.h"

namespace {

const QLatin1String DomainPrefix("bench-");

} // namespace

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
