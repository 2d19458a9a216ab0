// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_BENCH_TESTNODE_H
#define QTVIRT_BENCH_TESTNODE_H

#include <QtCore/QString>
#include <QtCore/QTemporaryDir>

// A test-driver node file with the domains bench-0 ... bench-(count-1),
// each 8 MiB and 2 vCPUs, all running, in a temporary directory that goes
// with the object.
class TestNodeFile
{
public:
    explicit TestNodeFile(int count);
    // Empty when the file could not be written.
    QString path() const { return m_path; }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

// The index N of the domain bench-N, or -1 for any other name.
int testNodeDomainIndex(const QString &name);

// The test+unix URI of the node file at the testbed daemon of testUri
// (QTVIRT_TEST_URI): the daemon opens the file anew for each connection,
// so that every connection has a private driver instance of its own.
QString testNodeUri(const QString &nodeFile, const QByteArray &testUri);

#endif // QTVIRT_BENCH_TESTNODE_H
