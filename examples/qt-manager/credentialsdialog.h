// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_CREDENTIALSDIALOG_H
#define QTVIRT_EXAMPLES_QTMANAGER_CREDENTIALSDIALOG_H

#include <QtVirt/QVirtCredential>

#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtWidgets/QDialog>

class QLineEdit;
class QVirtConnection;

// Asks for what libvirt's authentication wants (user name, password...) of
// one connection, without blocking: it answers the connection when
// accepted and refuses when rejected, then deletes itself.
class CredentialsDialog : public QDialog
{
    Q_OBJECT

public:
    CredentialsDialog(QVirtConnection *connection, const QList<QVirtCredential> &credentials,
                      QWidget *parent = nullptr);

    // Shows one for every credentialsRequested() of connection.
    static void askFor(QVirtConnection *connection, QWidget *parent);

private:
    void answer();

    QPointer<QVirtConnection> m_connection;
    QList<QVirtCredential> m_credentials;
    QList<QLineEdit *> m_fields;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_CREDENTIALSDIALOG_H
