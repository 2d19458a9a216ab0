// SPDX-License-Identifier: LGPL-2.1-or-later
#include "connection/typedparameters.h"

QVariantMap typedParametersToMap(const virTypedParameter *params, int count)
{
    QVariantMap map;
    for (int i = 0; i < count; ++i) {
        const virTypedParameter &param = params[i];
        const QString field = QString::fromUtf8(param.field);
        switch (param.type) {
        case VIR_TYPED_PARAM_INT:
            map.insert(field, param.value.i);
            break;
        case VIR_TYPED_PARAM_UINT:
            map.insert(field, param.value.ui);
            break;
        case VIR_TYPED_PARAM_LLONG:
            map.insert(field, param.value.l);
            break;
        case VIR_TYPED_PARAM_ULLONG:
            map.insert(field, param.value.ul);
            break;
        case VIR_TYPED_PARAM_DOUBLE:
            map.insert(field, param.value.d);
            break;
        case VIR_TYPED_PARAM_BOOLEAN:
            map.insert(field, param.value.b != 0);
            break;
        case VIR_TYPED_PARAM_STRING:
            map.insert(field, QString::fromUtf8(param.value.s));
            break;
        default:
            // A type newer than this code: leave it out rather than guess.
            break;
        }
    }
    return map;
}
