// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmlconnection.h"

#include <QtCore/QList>
#include <QtCore/QMutex>
#include <QtCore/QScopedValueRollback>
#include <QtCore/QThread>

namespace {

// Every Connection alive, of any thread, for openConnection().
struct Registry
{
    QMutex mutex;
    QList<QmlConnection *> connections;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

} // namespace

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
    const QMutexLocker locker(&registry().mutex);
    registry().connections.append(this);
}

QmlConnection::~QmlConnection()
{
    const QMutexLocker locker(&registry().mutex);
    registry().connections.removeOne(this);
}

QmlConnection *QmlConnection::openConnection(const QString &uri)
{
    const QMutexLocker locker(&registry().mutex);
    for (QmlConnection *connection : std::as_const(registry().connections)) {
        // Another thread's object may change or die meanwhile: only this
        // thread's are read.
        if (connection->thread() == QThread::currentThread() && connection->isOpen()
            && connection->QVirtConnection::uri() == uri)
            return connection;
    }
    return nullptr;
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
