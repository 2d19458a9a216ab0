// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_XMLHIGHLIGHTER_H
#define QTVIRT_EXAMPLES_QTMANAGER_XMLHIGHLIGHTER_H

#include <QtCore/QRegularExpression>
#include <QtGui/QSyntaxHighlighter>

// Colours the element names, attributes, their values and the comments of
// a domain's XML, line by line (libvirt's XML has no multi-line comments
// or values worth a parser).
class XmlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit XmlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    QList<Rule> m_rules;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_XMLHIGHLIGHTER_H
