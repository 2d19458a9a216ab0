// SPDX-License-Identifier: LGPL-2.1-or-later
#include "vncview.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QSocketNotifier>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtGui/QKeyEvent>
#include <QtGui/QMouseEvent>
#include <QtGui/QPainter>

#include <rfb/rfbclient.h>

#include <algorithm>
#include <cstdarg>

// One RFB session: libvncclient's client and the image it draws into.
// Shared between the handshake's thread and the view, so that whichever
// lets go last frees it.
struct VncSession
{
    ~VncSession()
    {
        // Also closes the socket.
        if (client)
            rfbClientCleanup(client);
    }

    rfbClient *client = nullptr;
    // libvncclient writes the pixels into image's buffer directly: it must
    // never be shared (a shared QImage would detach on the next write).
    QImage image;
    VncView *view = nullptr;
    bool initialised = false;
};

namespace {

Q_LOGGING_CATEGORY(lcVnc, "qtvirt.manager.vnc", QtWarningMsg)

// The tag under which the session is the client's data.
char SessionTag;

VncSession *sessionOf(rfbClient *client)
{
    return static_cast<VncSession *>(rfbClientGetClientData(client, &SessionTag));
}

// libvncclient prints to stderr unless told otherwise.
__attribute__((format(printf, 1, 2))) void logToCategory(const char *format, ...)
{
    if (!lcVnc().isDebugEnabled())
        return;
    va_list arguments;
    va_start(arguments, format);
    const QString line = QString::vasprintf(format, arguments);
    va_end(arguments);
    // Its lines end with a newline of their own.
    qCDebug(lcVnc).noquote() << line.trimmed();
}

rfbBool allocateFrame(rfbClient *client)
{
    VncSession *session = sessionOf(client);
    // rfbGetClient(8, 3, 4): red in the lowest byte of a little-endian
    // 32-bit pixel, which is R, G, B, X in memory.
    session->image = QImage(client->width, client->height, QImage::Format_RGBX8888);
    if (session->image.isNull())
        return FALSE;
    session->image.fill(Qt::black);
    client->frameBuffer = session->image.bits();
    if (session->view)
        session->view->updateGeometry();
    return TRUE;
}

void frameChanged(rfbClient *client, int, int, int, int)
{
    if (VncView *view = sessionOf(client)->view)
        view->update();
}

quint32 keysymOf(const QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
        return XK_Return;
    case Qt::Key_Enter:
        return XK_KP_Enter;
    case Qt::Key_Backspace:
        return XK_BackSpace;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return XK_Tab;
    case Qt::Key_Escape:
        return XK_Escape;
    case Qt::Key_Insert:
        return XK_Insert;
    case Qt::Key_Delete:
        return XK_Delete;
    case Qt::Key_Home:
        return XK_Home;
    case Qt::Key_End:
        return XK_End;
    case Qt::Key_PageUp:
        return XK_Page_Up;
    case Qt::Key_PageDown:
        return XK_Page_Down;
    case Qt::Key_Left:
        return XK_Left;
    case Qt::Key_Up:
        return XK_Up;
    case Qt::Key_Right:
        return XK_Right;
    case Qt::Key_Down:
        return XK_Down;
    case Qt::Key_Shift:
        return XK_Shift_L;
    case Qt::Key_Control:
        return XK_Control_L;
    case Qt::Key_Alt:
        return XK_Alt_L;
    case Qt::Key_Meta:
        return XK_Super_L;
    default:
        break;
    }
    if (event->key() >= Qt::Key_F1 && event->key() <= Qt::Key_F35)
        return quint32(XK_F1 + (event->key() - Qt::Key_F1));
    // With Ctrl the text is a control character: the server wants the
    // letter, and Ctrl pressed with it.
    if (event->key() >= Qt::Key_A && event->key() <= Qt::Key_Z
        && (event->modifiers() & Qt::ControlModifier))
        return quint32('a' + (event->key() - Qt::Key_A));
    const QList<uint> text = event->text().toUcs4();
    if (!text.isEmpty() && text.constFirst() >= 0x20) {
        const uint code = text.constFirst();
        // Latin-1 keysyms are the code points; the others are 0x01000000
        // plus the code point (X11's keysym encoding).
        return code < 0x100 ? code : 0x01000000U | code;
    }
    return 0;
}

} // namespace

VncView::VncView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("vncView"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    rfbClientLog = logToCategory;
    rfbClientErr = logToCategory;
}

VncView::~VncView()
{
    stop();
}

void VncView::start(int fd)
{
    stop();
    auto session = std::make_shared<VncSession>();
    rfbClient *client = rfbGetClient(8, 3, 4);
    session->client = client;
    rfbClientSetClientData(client, &SessionTag, session.get());
    client->MallocFrameBuffer = allocateFrame;
    client->GotFrameBufferUpdate = frameChanged;
    client->FinishedFrameBufferUpdate = [](rfbClient *c) {
        if (VncView *view = sessionOf(c)->view)
            Q_EMIT view->frameUpdated();
    };
    client->canHandleNewFBSize = TRUE;
    // "Listening" tells rfbInitClient() that the connection exists: it
    // skips connecting and starts the handshake on client->sock.
    client->listenSpecified = TRUE;
    client->sock = fd;

    const quint64 generation = ++m_generation;
    QThread *handshake = QThread::create([session] {
        static char programName[] = "qt-manager";
        static char *arguments[] = {programName, nullptr};
        int count = 1;
        session->initialised = rfbInitClient(session->client, &count, arguments);
        // A failed rfbInitClient() has freed the client, and closed fd.
        if (!session->initialised)
            session->client = nullptr;
    });
    connect(handshake, &QThread::finished, handshake, &QObject::deleteLater);
    connect(handshake, &QThread::finished, this, [this, session, generation] {
        if (generation == m_generation)
            takeOver(session);
    });
    handshake->start();
}

void VncView::takeOver(const std::shared_ptr<VncSession> &session)
{
    if (!session->initialised) {
        Q_EMIT disconnected(tr("The display's server did not complete the VNC handshake."));
        return;
    }
    m_session = session;
    session->view = this;
    m_notifier = new QSocketNotifier(session->client->sock, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &VncView::readMessages);
    updateGeometry();
    update();
    Q_EMIT connected();
    // The handshake may have read the start of the first update already.
    if (session->client->buffered > 0)
        QTimer::singleShot(0, this, &VncView::readMessages);
}

void VncView::stop()
{
    ++m_generation;
    delete m_notifier;
    m_notifier = nullptr;
    if (m_session)
        m_session->view = nullptr;
    m_session.reset();
}

bool VncView::isConnected() const
{
    return m_session != nullptr;
}

QImage VncView::frame() const
{
    // A deep copy: sharing the buffer would make libvncclient's next write
    // go to a detached copy.
    return m_session ? m_session->image.copy() : QImage();
}

void VncView::readMessages()
{
    // One message per round; libvncclient may hold the next one buffered
    // already, where the notifier sees nothing.
    do {
        if (!m_session)
            return;
        if (!HandleRFBServerMessage(m_session->client)) {
            stop();
            update();
            Q_EMIT disconnected(tr("The display's connection ended."));
            return;
        }
    } while (m_session && m_session->client->buffered > 0);
}

QSize VncView::sizeHint() const
{
    if (m_session && !m_session->image.isNull())
        return m_session->image.size();
    return QSize(640, 400);
}

QRect VncView::frameRect() const
{
    if (!m_session || m_session->image.isNull())
        return QRect();
    const QSize size = m_session->image.size().scaled(this->size(), Qt::KeepAspectRatio);
    return QRect(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size);
}

void VncView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    if (!m_session || m_session->image.isNull())
        return;
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    // By const reference: no copy, no detach.
    const QImage &image = m_session->image;
    painter.drawImage(frameRect(), image);
}

bool VncView::focusNextPrevChild(bool)
{
    // Tab belongs to the guest.
    return false;
}

void VncView::sendKey(QKeyEvent *event, bool down)
{
    const quint32 keysym = keysymOf(event);
    if (!m_session || keysym == 0) {
        event->ignore();
        return;
    }
    SendKeyEvent(m_session->client, keysym, down ? TRUE : FALSE);
    event->accept();
}

void VncView::keyPressEvent(QKeyEvent *event)
{
    sendKey(event, true);
}

void VncView::keyReleaseEvent(QKeyEvent *event)
{
    if (!event->isAutoRepeat())
        sendKey(event, false);
}

void VncView::sendPointer(QMouseEvent *event)
{
    const QRect area = frameRect();
    if (!m_session || area.isEmpty())
        return;
    const QSize frameSize = m_session->image.size();
    const QPoint at = event->position().toPoint() - area.topLeft();
    const int x = std::clamp(at.x() * frameSize.width() / area.width(), 0, frameSize.width() - 1);
    const int y
        = std::clamp(at.y() * frameSize.height() / area.height(), 0, frameSize.height() - 1);
    int buttons = 0;
    if (event->buttons() & Qt::LeftButton)
        buttons |= rfbButton1Mask;
    if (event->buttons() & Qt::MiddleButton)
        buttons |= rfbButton2Mask;
    if (event->buttons() & Qt::RightButton)
        buttons |= rfbButton3Mask;
    SendPointerEvent(m_session->client, x, y, buttons);
}

void VncView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    sendPointer(event);
}

void VncView::mouseReleaseEvent(QMouseEvent *event)
{
    sendPointer(event);
}

void VncView::mouseMoveEvent(QMouseEvent *event)
{
    sendPointer(event);
}
