// SPDX-License-Identifier: LGPL-2.1-or-later
#include "credentialsdialog.h"

#include <QtVirt/QVirtConnection>

#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>

CredentialsDialog::CredentialsDialog(QVirtConnection *connection,
                                     const QList<QVirtCredential> &credentials, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_credentials(credentials)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Log In to %1").arg(connection->uri()));
    auto *layout = new QFormLayout(this);
    for (const QVirtCredential &credential : credentials) {
        auto *field = new QLineEdit(credential.defaultResult(), this);
        const bool secret = credential.type() == QVirtCredential::Type::Passphrase
            || credential.type() == QVirtCredential::Type::NoEchoPrompt;
        field->setEchoMode(secret ? QLineEdit::Password : QLineEdit::Normal);
        if (!credential.challenge().isEmpty())
            layout->addRow(new QLabel(credential.challenge(), this));
        layout->addRow(credential.prompt(), field);
        m_fields.append(field);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addRow(buttons);
    connect(this, &QDialog::accepted, this, &CredentialsDialog::answer);
    connect(this, &QDialog::rejected, this, [this] {
        if (m_connection)
            m_connection->rejectCredentials();
    });
}

void CredentialsDialog::askFor(QVirtConnection *connection, QWidget *parent)
{
    connect(connection, &QVirtConnection::credentialsRequested, parent,
            [connection, parent](const QList<QVirtCredential> &credentials) {
                auto *dialog = new CredentialsDialog(connection, credentials, parent);
                // Gone with its connection: the request it answers is too.
                connect(connection, &QObject::destroyed, dialog, &QObject::deleteLater);
                dialog->open();
            });
}

void CredentialsDialog::answer()
{
    if (!m_connection)
        return;
    for (int i = 0; i < m_credentials.size(); ++i)
        m_credentials[i].setResult(m_fields.at(i)->text());
    m_connection->answerCredentials(m_credentials);
}
