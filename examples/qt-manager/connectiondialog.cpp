// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connectiondialog.h"

#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_uri(new QComboBox(this))
    , m_remember(new QCheckBox(tr("&Remember this connection"), this))
{
    setWindowTitle(tr("Add Connection"));
    setObjectName(QStringLiteral("connectionDialog"));
    m_uri->setObjectName(QStringLiteral("uriBox"));
    m_uri->setEditable(true);
    m_uri->setInsertPolicy(QComboBox::NoInsert);
    m_uri->addItems({QStringLiteral("qemu:///system"), QStringLiteral("qemu:///session"),
                     QStringLiteral("qemu+ssh://host/system"), QStringLiteral("test:///default")});
    m_uri->setMinimumContentsLength(32);
    m_remember->setChecked(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_uri, &QComboBox::currentTextChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });

    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&URI:"), m_uri);
    layout->addRow(new QLabel(tr("Replace \"host\" with the name of a remote machine."), this));
    layout->addRow(m_remember);
    layout->addRow(buttons);
}

QString ConnectionDialog::uri() const
{
    return m_uri->currentText().trimmed();
}

bool ConnectionDialog::remember() const
{
    return m_remember->isChecked();
}
