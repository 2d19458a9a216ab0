// SPDX-License-Identifier: LGPL-2.1-or-later
#include "terminaltext.h"

namespace TerminalText {

QString escaped(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar unit = text.at(i);
        char32_t codePoint = unit.unicode();
        qsizetype length = 1;
        if (unit.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(unit, text.at(i + 1));
            length = 2;
        } else if (unit.isSurrogate()) {
            // A lone half of a pair has no UTF-8 form: show what a decoder
            // shows for it.
            result += QChar(QChar::ReplacementCharacter);
            continue;
        }
        if (QChar::isPrint(codePoint)) {
            result += text.mid(i, length);
        } else {
            const QByteArray bytes = text.mid(i, length).toUtf8();
            for (const char byte : bytes)
                result += QStringLiteral("\\x%1").arg(static_cast<uchar>(byte), 2, 16,
                                                      QLatin1Char('0'));
        }
        i += length - 1;
    }
    return result;
}

} // namespace TerminalText
