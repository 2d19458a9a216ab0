// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_TERMINALWIDGET_H
#define QTVIRT_EXAMPLES_QTMANAGER_TERMINALWIDGET_H

#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtWidgets/QAbstractScrollArea>

#include <vterm.h>

#include <deque>

class QIODevice;

// A terminal emulator on libvterm: what the device reads is fed to
// libvterm, which keeps the screen (cursor movements, colours, the
// alternate screen of full-screen programs such as top and vi); the widget
// only paints libvterm's cells. Keys typed go through libvterm's keyboard
// encoder to the device. The terminal has as many rows and columns as fit
// into the widget, and the lines scrolled off the top are kept for the
// scroll bar (and Shift+Page Up/Down).
//
// Nothing the device sends reaches anything but libvterm: escape sequences
// and control characters of the guest never go to the program's own
// output.
class TerminalWidget : public QAbstractScrollArea
{
    Q_OBJECT

public:
    // How many lines scrolled off the screen are kept.
    static constexpr int ScrollbackLimit = 2000;

    explicit TerminalWidget(QWidget *parent = nullptr);
    ~TerminalWidget() override;

    // Reads from and writes to device (not owned) from now on; null
    // detaches. The screen is kept, so that the last output stays readable.
    void setDevice(QIODevice *device);
    QIODevice *device() const { return m_device; }

    int rows() const;
    int columns() const;
    // The text of row (0 is the top) of libvterm's screen, without the
    // trailing blanks.
    QString screenLine(int row) const;
    // The lines scrolled off the screen, oldest first.
    int scrollbackCount() const { return int(m_scrollback.size()); }
    QString scrollbackLine(int index) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    using Line = QList<VTermScreenCell>;

    static int onDamage(VTermRect rect, void *self);
    static int onMoveCursor(VTermPos pos, VTermPos oldPos, int visible, void *self);
    static int onSetTermProp(VTermProp prop, VTermValue *value, void *self);
    static int onPushLine(int columns, const VTermScreenCell *cells, void *self);
    static int onPopLine(int columns, VTermScreenCell *cells, void *self);
    static void onOutput(const char *bytes, size_t length, void *self);

    void readDevice();
    void fitToWidget();
    void updateScrollBar();
    // The cell at column of the line shown at viewRow: scrollback or screen.
    VTermScreenCell cellAt(int viewRow, int column) const;
    QColor colourOf(VTermColor colour, bool foreground) const;
    static QString textOf(const VTermScreenCell &cell);

    VTerm *m_vterm;
    VTermScreen *m_screen;
    QPointer<QIODevice> m_device;
    std::deque<Line> m_scrollback;
    VTermPos m_cursor{0, 0};
    bool m_cursorVisible = true;
    QSize m_cell;
    int m_ascent = 0;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_TERMINALWIDGET_H
