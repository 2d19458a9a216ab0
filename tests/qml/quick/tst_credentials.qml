// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Credentials answered from QML. libvirt's authentication
// callback reaches the application as Connection's
// credentialsRequested(credentials), a list of QVirtCredential. QML could
// not read that list (it arrived as an opaque value without elements), nor
// name the credential types, nor pass answers back, so a QML program could
// not open a URI that asks for a password. Here the testbed's remote host is
// opened over libssh with a known_hosts file that does not know the host:
// libvirt first asks whether to trust the host key, then for the password,
// and both are answered in QML.
import QtQuick
import QtTest
import QtVirt
import QtVirtTest

TestCase {
    id: testCase

    property var asked: []
    property bool opened: false
    property string failure

    name: "Credentials"

    Connection {
        id: connection

        onCredentialsRequested: credentials => {
            for (let i = 0; i < credentials.length; ++i) {
                const credential = credentials[i];
                testCase.asked.push({
                    "type": credential.type,
                    "prompt": credential.prompt,
                    "challenge": credential.challenge,
                    "defaultResult": credential.defaultResult
                });
                if (credential.type === Credential.Type.EchoPrompt
                        && credential.prompt.toLowerCase().indexOf("host key") >= 0)
                    credential.result = "y";
                else if (credential.type === Credential.Type.Passphrase
                         || credential.type === Credential.Type.NoEchoPrompt)
                    credential.result = Testbed.sshPassword;
                else {
                    connection.rejectCredentials();
                    return;
                }
                credentials[i] = credential;
            }
            connection.answerCredentials(credentials);
        }
        onOpened: testCase.opened = true
        onErrorOccurred: testCase.failure = connection.errorString
    }

    // QML's names have C++'s values.
    function test_typeValues() {
        compare(Credential.Type.Passphrase, Testbed.credentialTypeValue("Passphrase"));
        compare(Credential.Type.EchoPrompt, Testbed.credentialTypeValue("EchoPrompt"));
        compare(Credential.Type.NoEchoPrompt, Testbed.credentialTypeValue("NoEchoPrompt"));
        compare(Credential.Type.UserName, Testbed.credentialTypeValue("UserName"));
    }

    function test_hostKeyAndPassword() {
        const uri = Testbed.libsshTestUri;
        verify(uri.startsWith("test+libssh://"), uri);
        verify(Testbed.sshPassword !== "", "the testbed's password");
        connection.open(uri);
        tryVerify(() => opened || failure !== "", 20000, "the open ends");
        compare(failure, "");
        verify(connection.isOpen);
        compare(connection.hypervisorType, "TEST");

        compare(asked.length, 2, JSON.stringify(asked));
        compare(asked[0].type, Credential.Type.EchoPrompt);
        verify(asked[0].prompt.toLowerCase().indexOf("host key") >= 0, asked[0].prompt);
        verify(asked[1].type === Credential.Type.Passphrase
               || asked[1].type === Credential.Type.NoEchoPrompt, asked[1].type);
        verify(asked[1].prompt !== "", "a password prompt");
        // Every field is a string QML can read, empty where libvirt sends none.
        for (const entry of asked) {
            compare(typeof entry.challenge, "string");
            compare(typeof entry.defaultResult, "string");
        }
    }
}
