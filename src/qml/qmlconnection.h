// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_QMLCONNECTION_H
#define QTVIRT_QML_QMLCONNECTION_H

#include <QtVirt/QVirtConnection>

#include <QtQml/QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

// `Connection` in QML: a QVirtConnection, with all its properties, signals
// and methods, that opens itself from declared properties:
//
//     Connection { uri: "qemu:///system"; autoReconnect: true }
//
// It opens once the component is complete and again whenever uri or
// readOnly change. An empty uri leaves it closed; call open("") for
// libvirt's default URI.
class QmlConnection : public QVirtConnection, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(Connection)
    // Writable versions of QVirtConnection's read-only properties.
    Q_PROPERTY(QString uri READ uri WRITE setUri NOTIFY uriChanged)
    Q_PROPERTY(bool readOnly READ isReadOnly WRITE setReadOnly NOTIFY uriChanged)

public:
    explicit QmlConnection(QObject *parent = nullptr);
    ~QmlConnection() override;

    // An open Connection of the calling thread whose URI (as opened) is
    // uri, or null: how image://qtvirt/ ids, which name a connection by its
    // URI, reach a libvirt connection. Exported for the plugin, which
    // provides those images.
    Q_DECL_EXPORT static QmlConnection *openConnection(const QString &uri);

    // What was declared or last opened; QVirtConnection::uri() follows
    // only once the connection opens.
    QString uri() const { return m_uri; }
    void setUri(const QString &uri);
    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);

    void classBegin() override { }
    void componentComplete() override;

private:
    void reopen();

    QString m_uri;
    bool m_readOnly = false;
    bool m_complete = false;
    // Set while this object itself changes the URI: QVirtConnection's
    // uriChanged() then must not overwrite the declared values.
    bool m_declaring = false;
};

#endif // QTVIRT_QML_QMLCONNECTION_H
