// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_NEWDOMAINDIALOG_H
#define QTVIRT_EXAMPLES_QTMANAGER_NEWDOMAINDIALOG_H

#include <QtCore/QPointer>
#include <QtWidgets/QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVirtConnection;

// "New from XML": a domain's XML, pasted or typed, defined on one of the
// open connections (a persistent domain, shut off) or created there (a
// transient one that runs at once). The call runs asynchronously; the
// dialog stays open, its buttons disabled, until the daemon answered, and
// shows libvirt's refusal in its own words, with the XML still there to be
// corrected. It closes once the domain exists.
class NewDomainDialog : public QDialog
{
    Q_OBJECT

public:
    NewDomainDialog(const QList<QVirtConnection *> &connections, QWidget *parent = nullptr);

    QString status() const;

Q_SIGNALS:
    // The domain was defined or created; message says which.
    void succeeded(const QString &message);

private:
    void submit(bool create);
    void setBusy(bool busy);

    QList<QPointer<QVirtConnection>> m_connections;
    QComboBox *m_connection;
    QPlainTextEdit *m_xml;
    QLabel *m_status;
    QPushButton *m_define;
    QPushButton *m_create;
    QPushButton *m_cancel;
    bool m_busy = false;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_NEWDOMAINDIALOG_H
