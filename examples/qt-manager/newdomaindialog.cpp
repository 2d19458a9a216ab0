// SPDX-License-Identifier: LGPL-2.1-or-later
#include "newdomaindialog.h"

#include "whenfinished.h"

#include <QtVirt/QVirtConnection>

#include <QtGui/QFontDatabase>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>

NewDomainDialog::NewDomainDialog(const QList<QVirtConnection *> &connections, QWidget *parent)
    : QDialog(parent)
    , m_connection(new QComboBox(this))
    , m_xml(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("New Domain from XML"));
    setObjectName(QStringLiteral("newDomainDialog"));
    m_connection->setObjectName(QStringLiteral("newDomainConnection"));
    for (QVirtConnection *connection : connections) {
        if (connection->isOpen()) {
            m_connections.append(connection);
            m_connection->addItem(connection->uri());
        }
    }
    m_xml->setObjectName(QStringLiteral("newDomainXml"));
    m_xml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_xml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_xml->setPlaceholderText(tr("Paste a domain's XML here (<domain type=…>…</domain>)."));
    m_status->setObjectName(QStringLiteral("newDomainStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_define = buttons->addButton(tr("&Define"), QDialogButtonBox::AcceptRole);
    m_define->setObjectName(QStringLiteral("newDomainDefine"));
    m_define->setToolTip(tr("Keep the domain's configuration; it does not start."));
    m_create = buttons->addButton(tr("Create and &Run"), QDialogButtonBox::ActionRole);
    m_create->setObjectName(QStringLiteral("newDomainCreate"));
    m_create->setToolTip(tr("Start a transient domain: it is gone once it stops."));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    // The dialog closes on its own once the domain exists, not on a click.
    connect(m_define, &QPushButton::clicked, this, [this] { submit(false); });
    connect(m_create, &QPushButton::clicked, this, [this] { submit(true); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_xml, &QPlainTextEdit::textChanged, this, [this] { setBusy(m_busy); });

    auto *layout = new QFormLayout(this);
    layout->addRow(tr("C&onnection:"), m_connection);
    layout->addRow(m_xml);
    layout->addRow(m_status);
    layout->addRow(buttons);
    resize(640, 480);
    setBusy(false);
}

QString NewDomainDialog::status() const
{
    return m_status->text();
}

void NewDomainDialog::submit(bool create)
{
    QVirtConnection *connection = m_connections.value(m_connection->currentIndex());
    const QString xml = m_xml->toPlainText();
    if (m_busy || !connection || xml.trimmed().isEmpty())
        return;
    setBusy(true);
    m_status->setText(create ? tr("Creating the domain…") : tr("Defining the domain…"));
    const QString failure
        = create ? tr("Cannot create the domain: %1") : tr("Cannot define the domain: %1");
    whenFinished(
        this, create ? connection->createDomain(xml) : connection->defineDomain(xml),
        [this, create](const QVirtDomainRef &domain) {
            setBusy(false);
            Q_EMIT succeeded(create ? tr("Created and started %1").arg(domain.name())
                                    : tr("Defined %1").arg(domain.name()));
            accept();
        },
        [this, failure](const QString &error) {
            m_status->setText(error.isEmpty() ? tr("The connection was closed.")
                                              : failure.arg(error));
            setBusy(false);
        },
        [](const QVirtDomainRef &) {});
}

void NewDomainDialog::setBusy(bool busy)
{
    m_busy = busy;
    const bool ready
        = !busy && !m_xml->toPlainText().trimmed().isEmpty() && m_connection->currentIndex() >= 0;
    m_define->setEnabled(ready);
    m_create->setEnabled(ready);
    m_xml->setReadOnly(busy);
    m_connection->setEnabled(!busy);
}
