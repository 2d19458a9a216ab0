// SPDX-License-Identifier: LGPL-2.1-or-later
#include "terminalwidget.h"

#include <QtCore/QIODevice>
#include <QtGui/QFontDatabase>
#include <QtGui/QKeyEvent>
#include <QtGui/QPainter>
#include <QtWidgets/QScrollBar>

#include <algorithm>
#include <cstring>

namespace {

// libvterm needs a screen before the widget has a size.
constexpr int InitialRows = 24;
constexpr int InitialColumns = 80;

const QColor DefaultForeground(0xd0, 0xd0, 0xd0);
const QColor DefaultBackground(Qt::black);

VTermModifier modifiersOf(Qt::KeyboardModifiers modifiers)
{
    int result = VTERM_MOD_NONE;
    if (modifiers & Qt::ShiftModifier)
        result |= VTERM_MOD_SHIFT;
    if (modifiers & Qt::AltModifier)
        result |= VTERM_MOD_ALT;
    if (modifiers & Qt::ControlModifier)
        result |= VTERM_MOD_CTRL;
    return VTermModifier(result);
}

VTermKey vtermKeyOf(int key)
{
    switch (key) {
    case Qt::Key_Return:
        return VTERM_KEY_ENTER;
    case Qt::Key_Enter:
        return VTERM_KEY_KP_ENTER;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return VTERM_KEY_TAB;
    case Qt::Key_Backspace:
        return VTERM_KEY_BACKSPACE;
    case Qt::Key_Escape:
        return VTERM_KEY_ESCAPE;
    case Qt::Key_Up:
        return VTERM_KEY_UP;
    case Qt::Key_Down:
        return VTERM_KEY_DOWN;
    case Qt::Key_Left:
        return VTERM_KEY_LEFT;
    case Qt::Key_Right:
        return VTERM_KEY_RIGHT;
    case Qt::Key_Insert:
        return VTERM_KEY_INS;
    case Qt::Key_Delete:
        return VTERM_KEY_DEL;
    case Qt::Key_Home:
        return VTERM_KEY_HOME;
    case Qt::Key_End:
        return VTERM_KEY_END;
    case Qt::Key_PageUp:
        return VTERM_KEY_PAGEUP;
    case Qt::Key_PageDown:
        return VTERM_KEY_PAGEDOWN;
    default:
        if (key >= Qt::Key_F1 && key <= Qt::Key_F35)
            return VTermKey(VTERM_KEY_FUNCTION(key - Qt::Key_F1 + 1));
        return VTERM_KEY_NONE;
    }
}

} // namespace

TerminalWidget::TerminalWidget(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_vterm(vterm_new(InitialRows, InitialColumns))
    , m_screen(vterm_obtain_screen(m_vterm))
{
    setObjectName(QStringLiteral("terminal"));
    setFocusPolicy(Qt::StrongFocus);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setAutoFillBackground(true);
    QPalette colours = viewport()->palette();
    colours.setColor(QPalette::Base, DefaultBackground);
    viewport()->setPalette(colours);
    // Key presses reach keyPressEvent() even with an input method.
    setAttribute(Qt::WA_InputMethodEnabled, false);

    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::TypeWriter);
    setFont(font);
    const QFontMetrics metrics(font);
    m_cell = QSize(std::max(1, metrics.horizontalAdvance(QLatin1Char('M'))),
                   std::max(1, metrics.height()));
    m_ascent = metrics.ascent();

    vterm_set_utf8(m_vterm, 1);
    vterm_output_set_callback(m_vterm, &TerminalWidget::onOutput, this);
    static const VTermScreenCallbacks callbacks = [] {
        VTermScreenCallbacks result{};
        result.damage = &TerminalWidget::onDamage;
        result.movecursor = &TerminalWidget::onMoveCursor;
        result.settermprop = &TerminalWidget::onSetTermProp;
        result.sb_pushline = &TerminalWidget::onPushLine;
        result.sb_popline = &TerminalWidget::onPopLine;
        return result;
    }();
    vterm_screen_set_callbacks(m_screen, &callbacks, this);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_reset(m_screen, 1);
    updateScrollBar();
}

TerminalWidget::~TerminalWidget()
{
    // The device must not call back into a freed libvterm.
    setDevice(nullptr);
    vterm_free(m_vterm);
}

void TerminalWidget::setDevice(QIODevice *device)
{
    if (m_device)
        disconnect(m_device, nullptr, this, nullptr);
    m_device = device;
    if (!device)
        return;
    connect(device, &QIODevice::readyRead, this, &TerminalWidget::readDevice);
    readDevice();
}

int TerminalWidget::rows() const
{
    int height = 0;
    int width = 0;
    vterm_get_size(m_vterm, &height, &width);
    return height;
}

int TerminalWidget::columns() const
{
    int height = 0;
    int width = 0;
    vterm_get_size(m_vterm, &height, &width);
    return width;
}

QString TerminalWidget::textOf(const VTermScreenCell &cell)
{
    if (cell.chars[0] == 0)
        return QStringLiteral(" ");
    QString text;
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i] != 0; ++i) {
        const char32_t code = cell.chars[i];
        text += QString::fromUcs4(&code, 1);
    }
    return text;
}

QString TerminalWidget::screenLine(int row) const
{
    QString line;
    const int lineWidth = columns();
    for (int column = 0; column < lineWidth;) {
        VTermScreenCell cell;
        if (!vterm_screen_get_cell(m_screen, VTermPos{row, column}, &cell))
            break;
        line += textOf(cell);
        column += std::max(1, int(cell.width));
    }
    while (line.endsWith(u' '))
        line.chop(1);
    return line;
}

QString TerminalWidget::scrollbackLine(int index) const
{
    QString line;
    for (const VTermScreenCell &cell : m_scrollback.at(size_t(index)))
        line += textOf(cell);
    while (line.endsWith(u' '))
        line.chop(1);
    return line;
}

int TerminalWidget::onDamage(VTermRect, void *self)
{
    static_cast<TerminalWidget *>(self)->viewport()->update();
    return 1;
}

int TerminalWidget::onMoveCursor(VTermPos pos, VTermPos, int visible, void *self)
{
    auto *terminal = static_cast<TerminalWidget *>(self);
    terminal->m_cursor = pos;
    terminal->m_cursorVisible = visible;
    terminal->viewport()->update();
    return 1;
}

int TerminalWidget::onSetTermProp(VTermProp prop, VTermValue *value, void *self)
{
    if (prop == VTERM_PROP_CURSORVISIBLE) {
        auto *terminal = static_cast<TerminalWidget *>(self);
        terminal->m_cursorVisible = value->boolean;
        terminal->viewport()->update();
    }
    return 1;
}

int TerminalWidget::onPushLine(int columns, const VTermScreenCell *cells, void *self)
{
    auto *terminal = static_cast<TerminalWidget *>(self);
    terminal->m_scrollback.emplace_back(cells, cells + columns);
    if (terminal->m_scrollback.size() > size_t(ScrollbackLimit))
        terminal->m_scrollback.pop_front();
    terminal->updateScrollBar();
    return 1;
}

int TerminalWidget::onPopLine(int columns, VTermScreenCell *cells, void *self)
{
    // libvterm takes lines back when the screen grows taller.
    auto *terminal = static_cast<TerminalWidget *>(self);
    if (terminal->m_scrollback.empty())
        return 0;
    const Line line = terminal->m_scrollback.back();
    terminal->m_scrollback.pop_back();
    VTermScreenCell blank{};
    blank.width = 1;
    for (int column = 0; column < columns; ++column)
        cells[column] = column < line.size() ? line.at(column) : blank;
    terminal->updateScrollBar();
    return 1;
}

void TerminalWidget::onOutput(const char *bytes, size_t length, void *self)
{
    auto *terminal = static_cast<TerminalWidget *>(self);
    if (terminal->m_device)
        terminal->m_device->write(bytes, qint64(length));
}

void TerminalWidget::readDevice()
{
    if (!m_device)
        return;
    const QByteArray received = m_device->readAll();
    if (received.isEmpty())
        return;
    vterm_input_write(m_vterm, received.constData(), size_t(received.size()));
    vterm_screen_flush_damage(m_screen);
}

void TerminalWidget::updateScrollBar()
{
    QScrollBar *bar = verticalScrollBar();
    const bool atBottom = bar->value() == bar->maximum();
    bar->setRange(0, int(m_scrollback.size()));
    bar->setPageStep(rows());
    if (atBottom)
        bar->setValue(bar->maximum());
}

void TerminalWidget::fitToWidget()
{
    const QSize area = viewport()->size();
    const int newRows = std::max(2, area.height() / m_cell.height());
    const int newColumns = std::max(2, area.width() / m_cell.width());
    if (newRows == rows() && newColumns == columns())
        return;
    vterm_set_size(m_vterm, newRows, newColumns);
    vterm_screen_flush_damage(m_screen);
    updateScrollBar();
    viewport()->update();
}

void TerminalWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    fitToWidget();
}

void TerminalWidget::scrollContentsBy(int, int)
{
    viewport()->update();
}

bool TerminalWidget::focusNextPrevChild(bool)
{
    // Tab completes in the guest's shell, it does not leave the terminal.
    return false;
}

void TerminalWidget::keyPressEvent(QKeyEvent *event)
{
    QScrollBar *bar = verticalScrollBar();
    if (event->modifiers() == Qt::ShiftModifier
        && (event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown)) {
        bar->triggerAction(event->key() == Qt::Key_PageUp ? QAbstractSlider::SliderPageStepSub
                                                          : QAbstractSlider::SliderPageStepAdd);
        return;
    }
    if (!m_device) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const VTermModifier modifiers = modifiersOf(event->modifiers());
    const VTermKey key = vtermKeyOf(event->key());
    if (key != VTERM_KEY_NONE) {
        vterm_keyboard_key(m_vterm, key, modifiers);
    } else if ((event->modifiers() & Qt::ControlModifier) && event->key() >= Qt::Key_A
               && event->key() <= Qt::Key_Z) {
        // libvterm makes Ctrl+letter its control character.
        vterm_keyboard_unichar(m_vterm, uint32_t('a' + (event->key() - Qt::Key_A)), modifiers);
    } else if (!event->text().isEmpty()) {
        const QList<uint> codes = event->text().toUcs4();
        for (const uint code : codes)
            vterm_keyboard_unichar(m_vterm, code, modifiers);
    } else {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    // Typing shows the screen again.
    bar->setValue(bar->maximum());
    event->accept();
}

VTermScreenCell TerminalWidget::cellAt(int viewRow, int column) const
{
    const int scrolledBack = int(m_scrollback.size()) - verticalScrollBar()->value();
    const int screenRow = viewRow - scrolledBack;
    VTermScreenCell cell{};
    cell.width = 1;
    if (screenRow >= 0) {
        vterm_screen_get_cell(m_screen, VTermPos{screenRow, column}, &cell);
        return cell;
    }
    const Line &line = m_scrollback.at(m_scrollback.size() - size_t(-screenRow));
    if (column < line.size())
        cell = line.at(column);
    return cell;
}

QColor TerminalWidget::colourOf(VTermColor colour, bool foreground) const
{
    if (foreground && VTERM_COLOR_IS_DEFAULT_FG(&colour))
        return DefaultForeground;
    if (!foreground && VTERM_COLOR_IS_DEFAULT_BG(&colour))
        return DefaultBackground;
    vterm_screen_convert_color_to_rgb(m_screen, &colour);
    return QColor(colour.rgb.red, colour.rgb.green, colour.rgb.blue);
}

void TerminalWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QFont normal = font();
    QFont bold = normal;
    bold.setBold(true);
    const int scrolledBack = int(m_scrollback.size()) - verticalScrollBar()->value();
    const int shownRows = rows();
    const int shownColumns = columns();
    for (int row = 0; row < shownRows; ++row) {
        const int y = row * m_cell.height();
        for (int column = 0; column < shownColumns;) {
            const VTermScreenCell cell = cellAt(row, column);
            const int span = std::max(1, int(cell.width));
            QColor foreground = colourOf(cell.fg, true);
            QColor background = colourOf(cell.bg, false);
            if (cell.attrs.reverse)
                std::swap(foreground, background);
            const QRect box(column * m_cell.width(), y, span * m_cell.width(), m_cell.height());
            if (background != DefaultBackground)
                painter.fillRect(box, background);
            if (cell.chars[0] != 0 && cell.chars[0] != ' ') {
                painter.setFont(cell.attrs.bold ? bold : normal);
                painter.setPen(foreground);
                painter.drawText(box.left(), y + m_ascent, textOf(cell));
            }
            if (cell.attrs.underline)
                painter.fillRect(box.left(), y + m_ascent + 1, box.width(), 1, foreground);
            column += span;
        }
    }
    // The cursor, as a block, where the screen is shown.
    const int cursorRow = m_cursor.row + scrolledBack;
    if (m_cursorVisible && m_device && cursorRow < shownRows) {
        const QRect box(m_cursor.col * m_cell.width(), cursorRow * m_cell.height(), m_cell.width(),
                        m_cell.height());
        if (hasFocus())
            painter.fillRect(box, QColor(0xd0, 0xd0, 0xd0, 0xa0));
        else
            painter.drawRect(box.adjusted(0, 0, -1, -1));
    }
}
