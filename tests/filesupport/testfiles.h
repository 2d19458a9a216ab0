// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_TESTFILES_H
#define QTVIRT_TESTS_TESTFILES_H

#include <QtCore/QByteArray>
#include <QtCore/QString>

// Files whose content a transfer must carry unchanged: random bytes, and
// their hash to compare with what arrived. Shared by the tests and the
// benchmarks.
namespace TestFiles {

// size bytes from QRandomGenerator, written to path (replacing what was
// there). False when the file cannot be written.
bool writeRandomFile(const QString &path, qint64 size);

// The SHA-256 of the file at path, in hex; empty when it cannot be read.
QByteArray sha256OfFile(const QString &path);

} // namespace TestFiles

#endif // QTVIRT_TESTS_TESTFILES_H
