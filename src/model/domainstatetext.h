// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_MODEL_DOMAINSTATETEXT_H
#define QTVIRT_MODEL_DOMAINSTATETEXT_H

#include <QtCore/QString>

// The translated name of a virDomainState, as virsh's "State" column
// names it (context "QVirtDomainModel").
QString domainStateText(int state);

#endif // QTVIRT_MODEL_DOMAINSTATETEXT_H
