// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_TESTSUPPORT_H
#define QTVIRT_TESTS_TESTSUPPORT_H

#include <QtCore/QByteArray>
#include <QtCore/QString>

class QTemporaryDir;

namespace QtVirtTest {

// Fails the current test unless the running event dispatcher is the one
// CTest promised through QTVIRT_EXPECT_DISPATCHER ("glib" or "unix").
// Call it from initTestCase().
void verifyExpectedDispatcher();

// "glib" or "unix": the dispatcher this process runs on.
QByteArray dispatcherName();

// Makes every warning (Qt's own or ours) fail the test, unless the test
// announced it with QTest::ignoreMessage. Call it from init().
void failOnAnyWarning();

// The testbed's value for NAME (for example QTVIRT_TEST_URI), as exported by
// `scripts/testbed env`. Fails the current test when it is missing: an
// integration test that cannot reach the daemon must not pass.
QByteArray testbedValue(const char *name);

// The pid of the testbed's libvirtd, read from its pid file at every call:
// the environment's QTVIRT_LIBVIRTD_PID is stale once a test restarted the
// daemon.
qint64 testbedDaemonPid();

// `scripts/testbed restart-daemon` (which also starts a dead daemon), then
// waits until the daemon answers on QTVIRT_QEMU_URI. Returns what failed,
// or an empty string.
QString restartTestbedDaemon();

// Writes node.xml into dir for libvirt's test driver, with the user
// "alice" and the password "s3cret", and returns its test:// URI: opening
// it runs in this process, and virConnectOpenAuth() asks for a user name
// and then a password (testConnectAuthenticate). Fails the current test
// and returns an empty string when the file cannot be written.
QString authenticatedNodeUri(const QTemporaryDir &dir);

} // namespace QtVirtTest

#endif // QTVIRT_TESTS_TESTSUPPORT_H
