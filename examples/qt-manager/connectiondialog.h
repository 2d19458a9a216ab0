// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_CONNECTIONDIALOG_H
#define QTVIRT_EXAMPLES_QTMANAGER_CONNECTIONDIALOG_H

#include <QtWidgets/QDialog>

class QCheckBox;
class QComboBox;

// Asks for a libvirt URI, offering the usual ones, and whether to remember it.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);

    QString uri() const;
    bool remember() const;

private:
    QComboBox *m_uri;
    QCheckBox *m_remember;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_CONNECTIONDIALOG_H
