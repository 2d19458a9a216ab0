// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_COMMON_TERMINALTEXT_H
#define QTVIRT_EXAMPLES_COMMON_TERMINALTEXT_H

#include <QtCore/QString>
#include <QtCore/QStringView>

namespace TerminalText {

// text with every character a terminal would act on instead of showing
// (the C0 and C1 controls, DEL, Unicode's format characters such as the
// bidirectional overrides, unassigned code points) written as the \xHH of
// each of its UTF-8 bytes, as `virsh list` shows such a domain name: ESC
// becomes "\x1b", U+009B "\xc2\x9b". Whatever the daemon or a user
// supplies goes through it before it reaches the terminal, so that a
// domain named "\e]0;...\a" cannot retitle, clear or otherwise drive the
// terminal of whoever reads the output.
QString escaped(QStringView text);

} // namespace TerminalText

#endif // QTVIRT_EXAMPLES_COMMON_TERMINALTEXT_H
