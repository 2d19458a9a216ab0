// SPDX-License-Identifier: LGPL-2.1-or-later
#include "xmlhighlighter.h"

namespace {

QTextCharFormat formatOf(const QColor &colour, bool bold = false)
{
    QTextCharFormat format;
    format.setForeground(colour);
    if (bold)
        format.setFontWeight(QFont::Bold);
    return format;
}

} // namespace

XmlHighlighter::XmlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    // Later rules paint over earlier ones: a value's text wins over a
    // name inside it, a comment over everything.
    m_rules = {
        {QRegularExpression(QStringLiteral("</?[A-Za-z_][\\w:.-]*|/?>")),
         formatOf(QColor(0x20, 0x4a, 0x87), true)},
        {QRegularExpression(QStringLiteral("\\b[A-Za-z_][\\w:.-]*(?==)")),
         formatOf(QColor(0x8f, 0x59, 0x02))},
        {QRegularExpression(QStringLiteral("\"[^\"]*\"|'[^']*'")),
         formatOf(QColor(0x4e, 0x9a, 0x06))},
        {QRegularExpression(QStringLiteral("<!--.*?-->")), formatOf(QColor(0x88, 0x8a, 0x85))},
    };
}

void XmlHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        QRegularExpressionMatchIterator matches = rule.pattern.globalMatch(text);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), rule.format);
        }
    }
}
