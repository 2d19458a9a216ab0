// SPDX-License-Identifier: LGPL-2.1-or-later
#include "escapefilter.h"

namespace {

constexpr char Delete = 0x7f;

// Ctrl+key flips bit 6 of the key's ASCII code (^] is 0x1d, ^? is DEL).
constexpr char control(char key)
{
    return static_cast<char>(key ^ 0x40);
}

} // namespace

bool EscapeFilter::parse(const QString &spec, char *escape)
{
    if (spec.size() == 1) {
        const char16_t c = spec.at(0).unicode();
        if (c < 0x21 || c > 0x7e)
            return false;
        *escape = static_cast<char>(c);
        return true;
    }
    if (spec.size() != 2 || spec.at(0) != u'^')
        return false;
    const char16_t key = spec.at(1).toUpper().unicode();
    if (key == u'?' || (key >= u'@' && key <= u'_')) {
        *escape = control(static_cast<char>(key));
        return true;
    }
    return false;
}

QString EscapeFilter::display(char escape)
{
    if (escape == Delete || (escape >= 0 && escape < 0x20))
        return QStringLiteral("^") + QLatin1Char(control(escape));
    return QString(QLatin1Char(escape));
}

QByteArray EscapeFilter::filter(const QByteArray &input, bool *escaped) const
{
    const qsizetype at = input.indexOf(m_escape);
    *escaped = at >= 0;
    return *escaped ? input.left(at) : input;
}
