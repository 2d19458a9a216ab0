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

namespace {

template<typename T, typename Getter>
std::optional<T> statOf(const virDomainStatsRecord *record, const char *name, Getter getter)
{
    T value{};
    if (record && getter(record->params, record->nparams, name, &value) == 1)
        return value;
    return std::nullopt;
}

} // namespace

std::optional<int> intStat(const virDomainStatsRecord *record, const char *name)
{
    return statOf<int>(record, name, &virTypedParamsGetInt);
}

std::optional<unsigned int> uintStat(const virDomainStatsRecord *record, const char *name)
{
    return statOf<unsigned int>(record, name, &virTypedParamsGetUInt);
}

std::optional<unsigned long long> ullongStat(const virDomainStatsRecord *record, const char *name)
{
    return statOf<unsigned long long>(record, name, &virTypedParamsGetULLong);
}
