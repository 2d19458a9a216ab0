// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_TESTS_QML_DOMAINFACTS_H
#define QTVIRT_TESTS_QML_DOMAINFACTS_H

#include <QtCore/QList>
#include <QtCore/QString>

#include <libvirt/libvirt.h>

class QAbstractItemModel;

// What the tests compare between QVirtDomainModel and
// virConnectListAllDomains.
namespace DomainFacts {

struct Facts
{
    QString name;
    int state = 0;
    bool persistent = false;
    // Only with Detail::Full: what the model learns from its reads.
    int id = -1;
    bool autostart = false;
    quint64 memoryKiB = 0;
    uint vcpus = 0;

    friend bool operator==(const Facts &a, const Facts &b)
    {
        return a.name == b.name && a.state == b.state && a.persistent == b.persistent
            && a.id == b.id && a.autostart == b.autostart && a.memoryKiB == b.memoryKiB
            && a.vcpus == b.vcpus;
    }
};

// Lifecycle: name, state and persistence, which the model knows from the
// event itself. Full: everything, once its reads are done.
enum class Detail { Lifecycle, Full };

// Sorted by name. listed() returns an empty list after failing the test.
QList<Facts> listed(virConnectPtr conn, Detail detail);
QList<Facts> shown(const QAbstractItemModel &model, Detail detail);

// For QCOMPARE's messages.
char *toString(const Facts &facts);

} // namespace DomainFacts

#endif // QTVIRT_TESTS_QML_DOMAINFACTS_H
