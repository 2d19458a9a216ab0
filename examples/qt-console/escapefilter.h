// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTCONSOLE_ESCAPEFILTER_H
#define QTVIRT_EXAMPLES_QTCONSOLE_ESCAPEFILTER_H

#include <QtCore/QByteArray>
#include <QtCore/QString>

// Watches the keyboard for the escape character that leaves the console.
class EscapeFilter
{
public:
    // "^]"-style control notation (^@ to ^_, ^? for DEL, letters in either
    // case) or one printable ASCII character, as virsh console -e takes it.
    // Returns false when spec is neither.
    static bool parse(const QString &spec, char *escape);
    // The character as the banner shows it: ^] or x.
    static QString display(char escape);

    explicit EscapeFilter(char escape)
        : m_escape(escape)
    { }

    // The bytes of input to send on; *escaped tells whether the escape
    // character came, in which case the bytes after it are dropped. Unlike
    // virsh, which looks at the first byte of each read only, the whole
    // chunk counts: a loaded machine may hand a keystroke over together with
    // the ones typed before it.
    QByteArray filter(const QByteArray &input, bool *escaped) const;

private:
    char m_escape;
};

#endif // QTVIRT_EXAMPLES_QTCONSOLE_ESCAPEFILTER_H
