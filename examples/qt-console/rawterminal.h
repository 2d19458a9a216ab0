// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTCONSOLE_RAWTERMINAL_H
#define QTVIRT_EXAMPLES_QTCONSOLE_RAWTERMINAL_H

#include <QtCore/QString>

#include <termios.h>

// Puts a terminal into raw mode, as virsh console does, so that every key
// (Ctrl+C, Ctrl+D, Ctrl+Z too) goes to the guest and the guest alone echoes
// it. The settings found are restored on destruction, on every way out of
// the scope that owns the object.
class RawTerminal
{
public:
    explicit RawTerminal(int fd);
    ~RawTerminal();
    RawTerminal(const RawTerminal &) = delete;
    RawTerminal &operator=(const RawTerminal &) = delete;

    // False when the fd is a terminal that could not be switched;
    // errorString() says why.
    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    const int m_fd;
    termios m_saved{};
    bool m_changed = false;
    QString m_error;
};

#endif // QTVIRT_EXAMPLES_QTCONSOLE_RAWTERMINAL_H
