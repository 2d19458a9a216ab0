// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmlconnection.h"

#include <QtCore/QScopedValueRollback>

QmlConnection::QmlConnection(QObject *parent)
    : QVirtConnection(parent)
{
    // open() called from QML or C++ changes what this object shows too.
    connect(this, &QVirtConnection::uriChanged, this, [this] {
        if (m_declaring)
            return;
        m_uri = QVirtConnection::uri();
        m_readOnly = QVirtConnection::isReadOnly();
    });
}

void QmlConnection::setUri(const QString &uri)
{
    if (m_uri == uri)
        return;
    m_uri = uri;
    const QScopedValueRollback declaring(m_declaring, true);
    Q_EMIT uriChanged();
    reopen();
}

void QmlConnection::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    const QScopedValueRollback declaring(m_declaring, true);
    Q_EMIT uriChanged();
    reopen();
}

void QmlConnection::componentComplete()
{
    m_complete = true;
    const QScopedValueRollback declaring(m_declaring, true);
    reopen();
}

void QmlConnection::reopen()
{
    if (!m_complete)
        return;
    if (m_uri.isEmpty()) {
        close();
        return;
    }
    open(m_uri, m_readOnly);
}
