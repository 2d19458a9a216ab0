// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QML_DOMAINSTATETEXT_H
#define QTVIRT_QML_DOMAINSTATETEXT_H

#include <QtCore/QString>

// The translated name of a virDomainState, as virsh's "State" column
// names it (context "DomainModel").
QString domainStateText(int state);

#endif // QTVIRT_QML_DOMAINSTATETEXT_H
